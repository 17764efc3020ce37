import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ENTRA_DEFAULTS, startEmulators, type Emulators } from "../../../../src/emulators";
import { createTeamsProvider, type TeamsConfigInput } from "../../../../src/server/providers/teams";
import type { ProviderDeps } from "../../../../src/server/providers/provider-deps";
import type { ProviderRef } from "../../../../src/server/providers/video-provider";
import { DEFAULT_POLICY, type Policy, type TeamsMeetingType } from "../../../../src/shared";
import {
  callLog,
  meetingInput,
  ORGANIZER,
  providerError,
  recordingClock,
  resetEmulator,
  teamsType,
} from "../helpers";
import { meetings, setAccessPolicy, setTenant, teamsConfig } from "./teams-fixtures";

let emu: Emulators;
beforeAll(async () => {
  emu = await startEmulators({ port: 0 });
});
afterAll(() => emu.close());
beforeEach(() => resetEmulator(emu.graph.url));

function provider(overrides: Partial<TeamsConfigInput> = {}, deps: ProviderDeps = {}) {
  return createTeamsProvider(teamsConfig(emu, overrides), { clock: recordingClock(), ...deps });
}

const meetingOf = async (ref: ProviderRef) =>
  (await meetings(emu)).find((m) => m.id === ref.externalId);

function withTeams(
  type: TeamsMeetingType,
  teams: Partial<TeamsMeetingType["teams"]>,
): TeamsMeetingType {
  return { ...type, teams: { ...type.teams, ...teams } };
}

const PREMIUM_POLICY: Policy = { ...DEFAULT_POLICY, teamsPremium: true };

describe("teams provider: create", () => {
  it("creates one meeting under the organizer with the type's protection and a passcode", async () => {
    const teams = provider();
    const input = meetingInput(teamsType("information"));
    const made = await teams.createMeeting(input);

    const all = await meetings(emu);
    expect(all).toHaveLength(1);
    const meeting = all[0];
    expect(meeting).toMatchObject({
      externalId: input.bookingId,
      subject: "Skyddat vårdmöte",
      lobbyBypassSettings: { scope: "organizer", isDialInBypassEnabled: false },
      allowedPresenters: "organizer",
      allowMeetingChat: "disabled",
      allowRecording: false,
      allowTranscription: false,
      allowAttendeeToEnableMic: false,
      allowAttendeeToEnableCamera: false,
      isEntryExitAnnounced: false,
      joinMeetingIdSettings: { isPasscodeRequired: true },
      // No Premium in the default policy: nothing Premium was asked for.
      anonymizeIdentityForRoles: [],
      watermarkProtection: null,
      participants: { organizer: { identity: { user: { id: ORGANIZER.oid } } }, attendees: [] },
    });
    expect(Date.parse(meeting?.startDateTime ?? "")).toBe(input.window.start.getTime());
    expect(Date.parse(meeting?.endDateTime ?? "")).toBe(input.window.end.getTime());
    expect(made.ref).toEqual({
      service: "teams",
      externalId: meeting?.id,
      data: { organizerOid: ORGANIZER.oid, meetingKey: input.bookingId },
    });
    expect(made.join).toEqual({
      url: meeting?.joinWebUrl,
      meetingId: meeting?.joinMeetingIdSettings.joinMeetingId,
      passcode: meeting?.joinMeetingIdSettings.passcode,
      dialIn: {
        number: meeting?.audioConferencing?.tollNumbers[0],
        conferenceId: meeting?.audioConferencing?.conferenceId,
      },
    });
    expect(made.join.passcode).toMatch(/^\S+$/);
    expect(made.host).toEqual({});
    expect(teams.hostUrl(made.ref, made.join, made.host)).toBe(meeting?.joinWebUrl);
  });

  it("applies the internal type's options", async () => {
    const made = await provider().createMeeting(meetingInput(teamsType("internal")));
    expect(await meetingOf(made.ref)).toMatchObject({
      lobbyBypassSettings: { scope: "organizationExcludingGuests", isDialInBypassEnabled: false },
      allowedPresenters: "organizer",
      allowMeetingChat: "enabled",
      allowAttendeeToEnableMic: true,
      allowAttendeeToEnableCamera: true,
      isEntryExitAnnounced: true,
    });
  });

  it("uses createOrGet and a PATCH when no passcode is wanted, a full create when one is", async () => {
    const log = callLog();
    const teams = provider({}, { observe: log.observe });
    const plain = withTeams(teamsType(), { passcodeRequired: false, lobbyScope: "invited" });
    const made = await teams.createMeeting(meetingInput(plain));
    expect(log.events.filter((e) => e.provider === "teams").map((e) => e.method)).toEqual([
      "POST",
      "PATCH",
    ]);
    const meeting = await meetingOf(made.ref);
    expect(meeting?.joinMeetingIdSettings).toMatchObject({
      isPasscodeRequired: false,
      passcode: null,
    });
    // "invited" reads back only with the Prefer header; the read-back check would fail otherwise.
    expect(meeting?.lobbyBypassSettings.scope).toBe("invited");
    expect(made.join.passcode).toBeUndefined();

    log.events.length = 0;
    await teams.createMeeting(meetingInput(teamsType()));
    expect(log.events.filter((e) => e.provider === "teams").map((e) => e.method)).toEqual([
      "POST",
      "DELETE",
      "POST",
    ]);
    expect(await meetings(emu)).toHaveLength(2);
  });

  it("makes the meeting last until the end of a series", async () => {
    const input = meetingInput(teamsType());
    const seriesEnd = new Date(input.window.start.getTime() + 30 * 86_400_000);
    const made = await provider().createMeeting({
      ...input,
      window: { ...input.window, seriesEnd },
    });
    expect(Date.parse((await meetingOf(made.ref))?.endDateTime ?? "")).toBe(seriesEnd.getTime());
  });

  it("leaves out dial-in when the organizer has no Audio Conferencing", async () => {
    await setTenant(emu, { audioConferencing: false });
    const made = await provider().createMeeting(meetingInput(teamsType()));
    expect(made.join.dialIn).toBeUndefined();
    expect(made.join.meetingId).toBeDefined();
  });
});

describe("teams provider: Teams Premium", () => {
  it("sends Premium options only when the policy says the tenant has Premium", async () => {
    await setTenant(emu, { premium: true });
    const teams = provider();
    const information = await teams.createMeeting(
      meetingInput(teamsType("information"), { policy: PREMIUM_POLICY }),
    );
    expect(await meetingOf(information.ref)).toMatchObject({
      anonymizeIdentityForRoles: ["attendee"],
      watermarkProtection: { isEnabledForContentSharing: false, isEnabledForVideo: false },
      isEndToEndEncryptionEnabled: false,
    });
    const internal = await teams.createMeeting(
      meetingInput(teamsType("internal"), { policy: PREMIUM_POLICY }),
    );
    expect(await meetingOf(internal.ref)).toMatchObject({
      anonymizeIdentityForRoles: [],
      watermarkProtection: { isEnabledForContentSharing: true, isEnabledForVideo: true },
      isEndToEndEncryptionEnabled: true,
    });
  });

  it("sets a template at create and a sensitivity label", async () => {
    await setTenant(emu, { premium: true });
    const base = teamsType("internal");
    const type = withTeams(base, {
      passcodeRequired: false,
      premium: {
        ...base.teams.premium,
        meetingTemplateId: "customtemplate_42",
        sensitivityLabelId: "label-7",
      },
    });
    const made = await provider().createMeeting(meetingInput(type, { policy: PREMIUM_POLICY }));
    expect(await meetingOf(made.ref)).toMatchObject({
      meetingTemplateId: "customtemplate_42",
      sensitivityLabelAssignment: { sensitivityLabelId: "label-7" },
    });
    expect(await meetings(emu)).toHaveLength(1);
  });

  it("fails, leaving nothing, when the policy claims Premium the organizer does not have", async () => {
    const teams = provider();
    const silently = await providerError(
      teams.createMeeting(meetingInput(teamsType("internal"), { policy: PREMIUM_POLICY })),
    );
    expect(silently).toMatchObject({ operation: "create", kind: "rejected" });
    expect(silently.message).toContain("watermarkProtection");
    expect(await meetings(emu)).toEqual([]);

    await setTenant(emu, { nonPremium: "reject" });
    const loudly = await providerError(
      teams.createMeeting(meetingInput(teamsType("internal"), { policy: PREMIUM_POLICY })),
    );
    expect(loudly).toMatchObject({ kind: "rejected", status: 403 });
    expect(loudly.message).toContain("teamsPremium");
    expect(await meetings(emu)).toEqual([]);
  });
});

describe("teams provider: get, update, find, delete", () => {
  it("moves the meeting's times (start and end together)", async () => {
    const teams = provider();
    const input = meetingInput(teamsType());
    const made = await teams.createMeeting(input);
    const start = new Date(input.window.start.getTime() + 2 * 86_400_000);
    const end = new Date(start.getTime() + 5_400_000);
    await teams.updateMeeting(made.ref, {
      type: input.type,
      policy: input.policy,
      window: { start, end, seriesEnd: null },
    });
    const meeting = await meetingOf(made.ref);
    expect(Date.parse(meeting?.startDateTime ?? "")).toBe(start.getTime());
    expect(Date.parse(meeting?.endDateTime ?? "")).toBe(end.getTime());
    expect(meeting?.joinWebUrl).toBe(made.join.url);
  });

  it("finds the meeting by key; an unknown key finds nothing and leaves nothing", async () => {
    const teams = provider();
    const input = meetingInput(teamsType());
    const made = await teams.createMeeting(input);
    expect(await teams.findByBookingId(input.bookingId, ORGANIZER)).toEqual(made.ref);
    expect(await teams.findByBookingId(randomUUID(), ORGANIZER)).toBeNull();
    expect((await meetings(emu)).map((m) => m.id)).toEqual([made.ref.externalId]);
  });

  it("gets, deletes (twice) and then no longer finds the meeting", async () => {
    const teams = provider();
    const input = meetingInput(teamsType());
    const made = await teams.createMeeting(input);
    expect(await teams.getMeeting(made.ref)).toEqual({ exists: true });
    await teams.deleteMeeting(made.ref);
    await teams.deleteMeeting(made.ref);
    expect(await meetings(emu)).toEqual([]);
    expect(await teams.getMeeting(made.ref)).toEqual({ exists: false });
    expect(await teams.findByBookingId(input.bookingId, ORGANIZER)).toBeNull();
    expect(await meetings(emu)).toEqual([]);
  });

  it("cannot list (Graph has no app-only list) and says so with null", async () => {
    expect(await provider().listOurs()).toBeNull();
  });
});

describe("teams provider: crash safety", () => {
  it("returns the same meeting when create runs again for the same key", async () => {
    for (const type of [teamsType(), withTeams(teamsType(), { passcodeRequired: false })]) {
      await resetEmulator(emu.graph.url);
      const input = meetingInput(type);
      const first = await provider().createMeeting(input);
      const again = await provider().createMeeting(input);
      expect(again).toEqual(first);
      expect(await meetings(emu)).toHaveLength(1);
    }
  });

  it("replaces a meeting an interrupted attempt left without its passcode", async () => {
    const input = meetingInput(withTeams(teamsType(), { passcodeRequired: false }));
    const leftover = await provider().createMeeting(input);
    const made = await provider().createMeeting({ ...input, type: teamsType() });
    const all = await meetings(emu);
    expect(all.map((m) => m.id)).toEqual([made.ref.externalId]);
    expect(made.ref.externalId).not.toBe(leftover.ref.externalId);
    expect(all[0]?.joinMeetingIdSettings.passcode).toBe(made.join.passcode);
  });

  it("uses the meeting a create made before its answer was lost", async () => {
    const route = `POST /v1.0/users/${ORGANIZER.oid}/onlineMeetings`;
    let posts = 0;
    const teams = provider(
      {},
      {
        // Arm the fault after createOrGet, so that it hits the plain create that follows.
        observe: (e) => {
          if (e.provider === "teams" && e.method === "POST" && ++posts === 1) {
            emu.graph.faults.add({ route, drop: true, when: "after", count: 1 });
          }
        },
      },
    );
    const made = await teams.createMeeting(meetingInput(teamsType()));
    const all = await meetings(emu);
    expect(all).toHaveLength(1);
    expect(all[0]?.id).toBe(made.ref.externalId);
    expect(made.join.passcode).toBe(all[0]?.joinMeetingIdSettings.passcode);
  });

  it("keeps separate meetings for separate keys of one booking (change of type)", async () => {
    const teams = provider();
    const input = meetingInput(teamsType("information"));
    const old = await teams.createMeeting(input);
    const next = await teams.createMeeting({
      ...input,
      bookingId: randomUUID(),
      type: teamsType("internal"),
    });
    await teams.deleteMeeting(old.ref);
    expect((await meetings(emu)).map((m) => m.id)).toEqual([next.ref.externalId]);
  });
});

describe("teams provider: authorisation", () => {
  it("answers a missing application access policy with not_authorized and what IT must do", async () => {
    await setAccessPolicy(emu, { grantAll: false, granted: [] });
    const log = callLog();
    const error = await providerError(
      provider({}, { observe: log.observe }).createMeeting(meetingInput(teamsType())),
    );
    expect(error).toMatchObject({ provider: "teams", kind: "not_authorized", status: 403 });
    expect(error.retryable).toBe(false);
    expect(error.message).toContain("Grant-CsApplicationAccessPolicy");
    expect(error.message).toContain(ENTRA_DEFAULTS.apiAppId);
    expect(error.message).toContain("30 minutes");
    expect(log.events.find((e) => e.provider === "teams")?.attempts).toBe(1);
  });

  it("works for an organizer granted one by one", async () => {
    await setAccessPolicy(emu, { grantAll: false, granted: [ORGANIZER.oid] });
    await provider().createMeeting(meetingInput(teamsType()));
    expect(await meetings(emu)).toHaveLength(1);
  });

  it("gets one app token for many calls", async () => {
    const log = callLog();
    const teams = provider({}, { observe: log.observe });
    const made = await Promise.all(
      Array.from({ length: 5 }, () => teams.createMeeting(meetingInput(teamsType()))),
    );
    await teams.getMeeting(made[0]!.ref);
    await teams.ping();
    expect(log.count("token")).toBe(1);
    expect(await meetings(emu)).toHaveLength(5);
  });

  it("fetches a fresh token once when Graph refuses the cached one", async () => {
    // Entra and Graph share a clock the provider's token cache does not see: moving it past the
    // token's hour makes Graph answer 401 to a token the cache still believes in.
    let offset = 0;
    const now = () => Date.now() + offset;
    const own = await startEmulators({ port: 0, entra: { now }, graph: { now } });
    try {
      const log = callLog();
      const teams = createTeamsProvider(teamsConfig(own), {
        clock: recordingClock(),
        observe: log.observe,
      });
      const made = await teams.createMeeting(meetingInput(teamsType()));
      offset = 2 * 3_600_000;
      expect(await teams.getMeeting(made.ref)).toEqual({ exists: true });
      expect(log.count("token")).toBe(2);
      expect(log.events.filter((e) => e.operation === "get")).toEqual([
        expect.objectContaining({ outcome: "ok", attempts: 2 }),
      ]);
    } finally {
      await own.close();
    }
  });

  it("answers a wrong client secret with not_authorized from Entra, without the secret", async () => {
    const teams = provider({ credential: { kind: "secret", clientSecret: "not-the-secret" } });
    const error = await providerError(teams.ping());
    expect(error).toMatchObject({ provider: "entra", operation: "token", kind: "not_authorized" });
    expect(error.message).toContain("AADSTS");
    expect(error.message).not.toContain("not-the-secret");
  });
});
