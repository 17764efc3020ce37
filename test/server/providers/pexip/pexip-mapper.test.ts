import { describe, expect, it } from "vitest";
import {
  PexipConfig,
  pexipHostUrl,
  pexipJoinData,
  toPexipConference,
  vmrName,
} from "../../../../src/server/providers/pexip";
import { newAlias, newPins } from "../../../../src/server/providers/pexip/pexip-secrets";
import { defaultRandomInt } from "../../../../src/server/providers/provider-deps";
import { pexipType, scriptedDigits } from "../helpers";

const config = PexipConfig.parse({
  managementUrl: "https://pexmgr.region.example",
  nodeUrl: "https://vmr.region.example/",
  sipDomain: "vmr.region.example",
  auth: { kind: "basic", username: "svm-api", password: "x" },
});

describe("toPexipConference", () => {
  it("maps a booking to exactly the VMR fields, nothing from the appointment", () => {
    const type = pexipType("care");
    expect(
      toPexipConference(
        { name: "svm-abc", alias: "910012345678", hostPin: "12345678", type },
        config,
      ),
    ).toEqual({
      name: "svm-abc",
      description: "Skyddat vårdmöte",
      tag: "skyddat-vardmote",
      service_type: "conference",
      aliases: [{ alias: "910012345678" }, { alias: "910012345678@vmr.region.example" }],
      allow_guests: true,
      pin: "12345678",
      guest_pin: "",
      participant_limit: 15,
      crypto_mode: "on",
      enable_chat: "default",
      guests_can_present: false,
      host_view: "one_main_seven_pips",
      guest_view: "one_main_seven_pips",
      host_identity_provider_group: null,
    });
  });

  it("follows the type's settings", () => {
    const base = pexipType("care");
    const body = toPexipConference(
      {
        name: "svm-x",
        alias: "910000000001",
        hostPin: "11112222",
        guestPin: "33334444",
        type: {
          ...base,
          participantLimit: null,
          pexip: {
            ...base.pexip,
            cryptoMode: "besteffort",
            enableChat: "no",
            guestsCanPresent: true,
            hostView: "four_mains_zero_pips",
            guestView: "one_main_zero_pips",
            hostIdentityProviderGroup: "/api/admin/configuration/v1/identity_provider_group/2/",
          },
        },
      },
      config,
    );
    expect(body).toMatchObject({
      guest_pin: "33334444",
      participant_limit: null,
      crypto_mode: "besteffort",
      enable_chat: "no",
      guests_can_present: true,
      host_view: "four_mains_zero_pips",
      guest_view: "one_main_zero_pips",
      host_identity_provider_group: "/api/admin/configuration/v1/identity_provider_group/2/",
    });
  });
});

describe("join data and links", () => {
  it("builds the guest link, alias and SIP URI from the Conferencing Node address", () => {
    expect(pexipJoinData(config, "910012345678")).toEqual({
      url: "https://vmr.region.example/webapp/m/910012345678/step-by-step?role=guest",
      alias: "910012345678",
      sipUri: "910012345678@vmr.region.example",
    });
    expect(pexipJoinData(config, "910012345678", "55556666").passcode).toBe("55556666");
  });

  it("builds the host link with the PIN, or without for SSO hosts", () => {
    expect(pexipHostUrl(config, "910012345678", "12345678")).toBe(
      "https://vmr.region.example/webapp/m/910012345678/express?pin=12345678",
    );
    expect(pexipHostUrl(config, "910012345678", undefined)).toBe(
      "https://vmr.region.example/webapp/m/910012345678/step-by-step",
    );
  });

  it("names the VMR after the meeting key", () => {
    expect(vmrName(config, "0b8f6a8e-1111-4222-8333-444455556666")).toBe(
      "svm-0b8f6a8e-1111-4222-8333-444455556666",
    );
  });
});

describe("aliases and PINs", () => {
  it("draws aliases of the configured length after the prefix, from the CSPRNG", () => {
    const aliases = new Set(Array.from({ length: 200 }, () => newAlias(config, defaultRandomInt)));
    for (const alias of aliases) expect(alias).toMatch(/^9100\d{8}$/);
    expect(aliases.size).toBe(200);
  });

  it("uses every digit in every random position", () => {
    const seen = Array.from({ length: 8 }, () => new Set<string>());
    for (let i = 0; i < 400; i += 1) {
      const alias = newAlias(config, defaultRandomInt);
      [...alias.slice(4)].forEach((digit, position) => seen[position]?.add(digit));
    }
    for (const digits of seen) expect(digits.size).toBe(10);
  });

  it("makes a guest PIN as long as the host PIN and never equal to it", () => {
    const pins = newPins(
      8,
      { host: true, guest: true },
      scriptedDigits("12345678", "12345678", "87654321"),
    );
    expect(pins).toEqual({ hostPin: "12345678", guestPin: "87654321" });
    expect(newPins(6, { host: false, guest: false }, defaultRandomInt)).toEqual({
      hostPin: undefined,
    });
    // Infinity wants a host PIN before a guest PIN, even when hosts use SSO.
    expect(newPins(6, { host: false, guest: true }, defaultRandomInt).hostPin).toMatch(/^\d{6}$/);
  });
});

describe("PexipConfig", () => {
  const base = {
    managementUrl: "https://pexmgr.region.example",
    nodeUrl: "https://vmr.region.example",
    sipDomain: "vmr.region.example",
    auth: { kind: "basic", username: "svm-api", password: "x" },
  };

  it("fills in the defaults", () => {
    expect(PexipConfig.parse(base)).toMatchObject({
      aliasPrefix: "9100",
      aliasLength: 12,
      tag: "skyddat-vardmote",
      namePrefix: "svm-",
      description: "Skyddat vårdmöte",
      pinLength: 8,
      http: { deadlineMs: 12_000 },
    });
  });

  it.each([
    ["aliases shorter than 9 digits", { aliasLength: 8 }, "aliasLength"],
    ["fewer than 5 random digits", { aliasPrefix: "12345", aliasLength: 9 }, "aliasLength"],
    ["a prefix with letters", { aliasPrefix: "91a" }, "aliasPrefix"],
    [
      "credentials over plain http",
      { managementUrl: "http://pexmgr.region.example" },
      "managementUrl",
    ],
    ["guests sent to plain http", { nodeUrl: "http://vmr.region.example" }, "nodeUrl"],
    ["a SIP domain with a path", { sipDomain: "vmr.region.example/x" }, "sipDomain"],
    ["PINs shorter than 6", { pinLength: 4 }, "pinLength"],
    [
      "an OAuth2 key that is not a PEM",
      { auth: { kind: "oauth2", clientId: "c", privateKeyPem: "k" } },
      "auth",
    ],
  ])("refuses %s", (_label, change, path) => {
    const result = PexipConfig.safeParse({ ...base, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path[0]).toBe(path);
  });
});
