import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startPexipEmulator, type PexipEmulator, type PexipState } from "../../../../src/emulators";
import { createPexipProvider, type PexipConfigInput } from "../../../../src/server/providers/pexip";
import type { ProviderDeps } from "../../../../src/server/providers/provider-deps";
import type { ProviderRef } from "../../../../src/server/providers/video-provider";
import {
  addFault,
  callLog,
  emulatorState,
  meetingInput,
  pexipType,
  providerError,
  recordingClock,
  resetEmulator,
  scriptedDigits,
} from "../helpers";

let emu: PexipEmulator;
beforeAll(async () => {
  emu = await startPexipEmulator({ port: 0 });
});
afterAll(() => emu.close());
beforeEach(() => resetEmulator(emu.url));

function config(overrides: Partial<PexipConfigInput> = {}): PexipConfigInput {
  return {
    managementUrl: emu.url,
    nodeUrl: emu.url,
    sipDomain: "vmr.region.example",
    auth: { kind: "basic", username: "svm-api", password: "dev-password-not-for-production" },
    http: { attemptTimeoutMs: 5_000, deadlineMs: 10_000, baseDelayMs: 20 },
    ...overrides,
  };
}

function provider(overrides: Partial<PexipConfigInput> = {}, deps: ProviderDeps = {}) {
  return createPexipProvider(config(overrides), { clock: recordingClock(), ...deps });
}

const conferences = async () => (await emulatorState<PexipState>(emu.url)).conferences;
const vmrOf = async (ref: ProviderRef) =>
  (await conferences()).find((c) => String(c.id) === ref.externalId);

describe("pexip provider: lifecycle against the emulator", () => {
  it("creates one VMR with exactly the protective fields and nothing from the appointment", async () => {
    const pexip = provider();
    const input = meetingInput(pexipType("care"));
    const made = await pexip.createMeeting(input);

    const vmr = await vmrOf(made.ref);
    const alias = made.join.alias ?? "";
    expect(alias).toMatch(/^9100\d{8}$/);
    expect(vmr).toMatchObject({
      name: `svm-${input.bookingId}`,
      description: "Skyddat vårdmöte",
      tag: "skyddat-vardmote",
      service_type: "conference",
      allow_guests: true,
      pin: made.host.pin,
      guest_pin: "",
      participant_limit: 15,
      crypto_mode: "on",
      enable_chat: "default",
      guests_can_present: false,
      host_view: "one_main_seven_pips",
      guest_view: "one_main_seven_pips",
      host_identity_provider_group: null,
    });
    expect(vmr?.aliases.map((a) => a.alias)).toEqual([alias, `${alias}@vmr.region.example`]);
    expect(made.host.pin).toMatch(/^\d{8}$/);
    expect(made.ref).toEqual({
      service: "pexip",
      externalId: String(vmr?.id),
      data: { name: vmr?.name, alias, hostAuth: "pin", meetingKey: input.bookingId },
    });
    expect(made.join).toEqual({
      url: `${emu.url}/webapp/m/${alias}/step-by-step?role=guest`,
      alias,
      sipUri: `${alias}@vmr.region.example`,
    });
    expect(JSON.stringify(made.join)).not.toContain(made.host.pin);
  });

  it("builds guest and host links the Conferencing Node answers", async () => {
    const pexip = provider();
    const made = await pexip.createMeeting(meetingInput(pexipType()));
    const hostUrl = pexip.hostUrl(made.ref, made.join, made.host);
    expect(hostUrl).toBe(`${emu.url}/webapp/m/${made.join.alias}/express?pin=${made.host.pin}`);
    expect((await fetch(made.join.url)).status).toBe(200);
    expect((await fetch(hostUrl)).status).toBe(200);
  });

  it("gets, finds, deletes (twice) and then no longer finds the VMR", async () => {
    const pexip = provider();
    const input = meetingInput(pexipType());
    const made = await pexip.createMeeting(input);
    expect(await pexip.getMeeting(made.ref)).toEqual({ exists: true });
    expect(await pexip.findByBookingId(input.bookingId, input.organizer)).toEqual(made.ref);
    expect(await pexip.findByBookingId(randomUUID(), input.organizer)).toBeNull();

    await pexip.deleteMeeting(made.ref);
    expect(await vmrOf(made.ref)).toBeUndefined();
    await pexip.deleteMeeting(made.ref);
    expect(await pexip.getMeeting(made.ref)).toEqual({ exists: false });
    expect(await pexip.findByBookingId(input.bookingId, input.organizer)).toBeNull();
  });

  it("changes nothing remote on a time change", async () => {
    const log = callLog();
    const pexip = provider({}, { observe: log.observe });
    const input = meetingInput(pexipType());
    const made = await pexip.createMeeting(input);
    const before = await conferences();
    const later = new Date(input.window.start.getTime() + 86_400_000);
    await pexip.updateMeeting(made.ref, {
      type: input.type,
      policy: input.policy,
      window: { start: later, end: new Date(later.getTime() + 3_600_000), seriesEnd: null },
    });
    expect(await conferences()).toEqual(before);
    expect(log.events.map((e) => e.operation)).toEqual(["create"]);
  });

  it("lists every VMR with our tag across pages, and nothing else", async () => {
    const pexip = provider();
    const made = await Promise.all(
      Array.from({ length: 105 }, () => pexip.createMeeting(meetingInput(pexipType()))),
    );
    const res = await fetch(`${emu.url}/api/admin/configuration/v1/conference/`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from("svm-api:dev-password-not-for-production").toString("base64")}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({
        name: "someone-elses-room",
        tag: "other",
        aliases: [{ alias: "4242" }],
      }),
    });
    expect(res.status).toBe(201);

    const ours = await pexip.listOurs();
    expect(ours).toHaveLength(105);
    expect(new Set(ours?.map((r) => r.externalId))).toEqual(
      new Set(made.map((m) => m.ref.externalId)),
    );
  });

  it("answers ping when the API and the credentials work, not_authorized when they do not", async () => {
    await provider().ping();
    const wrong = provider({ auth: { kind: "basic", username: "svm-api", password: "wrong" } });
    const error = await providerError(wrong.ping());
    expect(error).toMatchObject({ provider: "pexip", kind: "not_authorized", status: 401 });
    expect(error.message).not.toContain("wrong");
  });
});

describe("pexip provider: PINs and host sign-in", () => {
  it("adds a guest PIN (same length, different) when the type asks, and gives it to guests as passcode", async () => {
    const type = pexipType();
    const pexip = provider();
    const made = await pexip.createMeeting(
      meetingInput({ ...type, pexip: { ...type.pexip, guestPin: true } }),
    );
    const vmr = await vmrOf(made.ref);
    expect(vmr?.guest_pin).toMatch(/^\d{8}$/);
    expect(vmr?.guest_pin).not.toBe(vmr?.pin);
    expect(made.join.passcode).toBe(vmr?.guest_pin);
    expect(made.join.url).not.toContain(vmr?.guest_pin);
  });

  it("sets no host PIN when hosts sign in through an identity provider group", async () => {
    const type = pexipType();
    const group = "/api/admin/configuration/v1/identity_provider_group/3/";
    const pexip = provider();
    const made = await pexip.createMeeting(
      meetingInput({ ...type, pexip: { ...type.pexip, hostIdentityProviderGroup: group } }),
    );
    const vmr = await vmrOf(made.ref);
    expect(vmr).toMatchObject({ pin: "", host_identity_provider_group: group });
    expect(made.host).toEqual({});
    expect(made.ref.data.hostAuth).toBe("idp");
    expect(pexip.hostUrl(made.ref, made.join, made.host)).toBe(
      `${emu.url}/webapp/m/${made.join.alias}/step-by-step`,
    );
  });

  it("uses the configured alias prefix and length", async () => {
    const pexip = provider({ aliasPrefix: "77", aliasLength: 9, pinLength: 6 });
    const made = await pexip.createMeeting(meetingInput(pexipType()));
    expect(made.join.alias).toMatch(/^77\d{7}$/);
    expect(made.host.pin).toMatch(/^\d{6}$/);
  });
});

describe("pexip provider: OAuth2", () => {
  function oauthConfig(): Partial<PexipConfigInput> {
    const client = emu.oauth2;
    if (!client) throw new Error("the emulator has no OAuth2 client");
    return {
      auth: { kind: "oauth2", clientId: client.clientId, privateKeyPem: client.privateKeyPem },
    };
  }

  it("gets one token for many requests and uses it as a bearer", async () => {
    const log = callLog();
    const pexip = provider(oauthConfig(), { observe: log.observe });
    await Promise.all(
      Array.from({ length: 5 }, () => pexip.createMeeting(meetingInput(pexipType()))),
    );
    await pexip.ping();
    await pexip.listOurs();
    expect(await conferences()).toHaveLength(5);
    expect(log.count("token")).toBe(1);
  });

  it("answers a key the node does not know with not_authorized from the token call", async () => {
    const other = await startPexipEmulator({ port: 0 });
    try {
      const pexip = provider({
        auth: {
          kind: "oauth2",
          clientId: other.oauth2?.clientId ?? "",
          privateKeyPem: other.oauth2?.privateKeyPem ?? "",
        },
      });
      const error = await providerError(pexip.createMeeting(meetingInput(pexipType())));
      expect(error).toMatchObject({ operation: "token", kind: "not_authorized" });
      expect(await conferences()).toEqual([]);
    } finally {
      await other.close();
    }
  });
});

describe("pexip provider: crash safety", () => {
  it("returns the existing VMR when create runs again for the same booking", async () => {
    const pexip = provider();
    const input = meetingInput(pexipType());
    const first = await pexip.createMeeting(input);
    const again = await provider().createMeeting(input);
    expect(again).toEqual(first);
    expect(await conferences()).toHaveLength(1);
  });

  it("returns the VMR an attempt made before its answer was lost", async () => {
    const pexip = provider();
    await addFault(emu.url, {
      route: "POST /api/admin/configuration/v1/conference/",
      drop: true,
      when: "after",
      count: 1,
    });
    const made = await pexip.createMeeting(meetingInput(pexipType()));
    const all = await conferences();
    expect(all).toHaveLength(1);
    expect(made.ref.externalId).toBe(String(all[0]?.id));
    expect(made.host.pin).toBe(all[0]?.pin);
  });

  it("draws a new alias when the random one is taken", async () => {
    const first = await provider(
      {},
      { randomInt: scriptedDigits("11111111", "33333333") },
    ).createMeeting(meetingInput(pexipType()));
    expect(first.join.alias).toBe("910033333333");
    const second = await provider(
      {},
      { randomInt: scriptedDigits("22222222", "33333333", "44444444") },
    ).createMeeting(meetingInput(pexipType()));
    expect(second.join.alias).toBe("910044444444");
    expect((await conferences()).map((c) => c.aliases[0]?.alias).sort()).toEqual([
      "910033333333",
      "910044444444",
    ]);
  });

  it("gives up with rejected when every alias it draws is taken", async () => {
    await provider({}, { randomInt: scriptedDigits("11111111", "33333333") }).createMeeting(
      meetingInput(pexipType()),
    );
    const stuck = provider({}, { randomInt: () => 3 });
    const error = await providerError(stuck.createMeeting(meetingInput(pexipType())));
    expect(error).toMatchObject({ operation: "create", kind: "rejected" });
    expect(error.message).not.toContain("3333");
    expect(await conferences()).toHaveLength(1);
  });
});
