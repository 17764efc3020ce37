import { describe, expect, it } from "vitest";
import {
  DEFAULT_POLICY,
  PolicyError,
  type PolicyInput,
  getMeetingType,
  parsePolicy,
  parsePolicyOrThrow,
  toMeetingTypesResponse,
} from "../../../src/shared/policy";
import { MeetingTypesResponse } from "../../../src/shared/contract";

// A deep, mutable copy of the built-in policy to break in each test.
function draft(): PolicyInput & { types: Record<string, unknown>[] } {
  return JSON.parse(JSON.stringify(DEFAULT_POLICY)) as PolicyInput & {
    types: Record<string, unknown>[];
  };
}

function errorOf(input: unknown): string {
  const result = parsePolicy(input);
  if (result.ok) throw new Error("expected the policy to be rejected");
  return result.error;
}

describe("DEFAULT_POLICY", () => {
  it("is valid by its own schema and survives a JSON round trip unchanged", () => {
    const result = parsePolicy(JSON.parse(JSON.stringify(DEFAULT_POLICY)));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.policy).toEqual(DEFAULT_POLICY);
  });

  it("is deeply frozen", () => {
    expect(Object.isFrozen(DEFAULT_POLICY)).toBe(true);
    expect(Object.isFrozen(DEFAULT_POLICY.types)).toBe(true);
    const care = getMeetingType(DEFAULT_POLICY, "care");
    expect(Object.isFrozen(care?.invitation.sv.lines)).toBe(true);
    expect(() => {
      (DEFAULT_POLICY.types as unknown[]).push({});
    }).toThrow(TypeError);
  });

  it("maps the seed's three types to their services and limits", () => {
    const care = getMeetingType(DEFAULT_POLICY, "care");
    const information = getMeetingType(DEFAULT_POLICY, "information");
    const internal = getMeetingType(DEFAULT_POLICY, "internal");
    expect(care?.label.sv).toBe("Vårdmöte patient");
    expect(information?.label.sv).toBe("Informationsmöte patient");
    expect(internal?.label.sv).toBe("Internt möte utan patient");
    expect(care?.service).toBe("pexip");
    expect(care?.participantLimit).toBe(15);
    expect(information?.service).toBe("teams");
    expect(internal?.service).toBe("teams");
    expect(care?.templates1177).toEqual([
      "Skyddat digitalt vårdmöte",
      "Skyddat digitalt vårdmöte i grupp",
    ]);
    expect(information?.templates1177).toEqual([
      "Skyddat digitalt informationsmöte i grupp – anonymt deltagande",
    ]);
    expect(internal?.templates1177).toEqual([]);
    expect(DEFAULT_POLICY.defaultType).toBe("care");
    expect(DEFAULT_POLICY.teamsPremium).toBe(false);
    expect(DEFAULT_POLICY.pexip).toEqual({ openMinutesBefore: 30, cleanupGraceMinutes: 60 });
  });

  it("protects the information meeting as the region's rules say", () => {
    const information = getMeetingType(DEFAULT_POLICY, "information");
    if (information?.service !== "teams") throw new Error("information must be a Teams type");
    expect(information.teams).toMatchObject({
      lobbyScope: "organizer",
      allowedPresenters: "organizer",
      allowAttendeeToEnableMic: false,
      allowAttendeeToEnableCamera: false,
      allowMeetingChat: "disabled",
      allowRecording: false,
      allowTranscription: false,
    });
    expect(information.teams.premium.anonymizeAttendees).toBe(true);
  });

  it("protects the internal meeting as the region's rules say", () => {
    const internal = getMeetingType(DEFAULT_POLICY, "internal");
    if (internal?.service !== "teams") throw new Error("internal must be a Teams type");
    expect(internal.teams).toMatchObject({
      lobbyScope: "organizationExcludingGuests",
      allowedPresenters: "organizer",
      allowRecording: false,
      allowTranscription: false,
    });
    expect(internal.teams.premium).toMatchObject({
      watermarkProtection: true,
      endToEndEncryption: true,
    });
  });

  it("encrypts Pexip media and keeps the guest PIN off by default", () => {
    const care = getMeetingType(DEFAULT_POLICY, "care");
    if (care?.service !== "pexip") throw new Error("care must be a Pexip type");
    expect(care.pexip.cryptoMode).toBe("on");
    expect(care.pexip.guestPin).toBe(false);
  });
});

describe("parsePolicy", () => {
  it("fills protective defaults for provider settings a region leaves out", () => {
    const input = draft();
    const care = input.types[0] as Record<string, unknown>;
    delete care.pexip;
    const information = input.types[1] as Record<string, unknown>;
    delete information.teams;
    const result = parsePolicy(input);
    if (!result.ok) throw new Error(result.error);
    const [pexipType, teamsType] = result.policy.types;
    expect(pexipType?.service === "pexip" && pexipType.pexip.cryptoMode).toBe("on");
    expect(teamsType?.service === "teams" && teamsType.teams.lobbyScope).toBe("organizer");
    expect(teamsType?.service === "teams" && teamsType.teams.allowRecording).toBe(false);
  });

  it("lets a region remap a type to another service without code", () => {
    const input = draft();
    const internal = input.types[2] as Record<string, unknown>;
    internal.service = "pexip";
    delete internal.teams;
    const result = parsePolicy(input);
    if (!result.ok) throw new Error(result.error);
    expect(getMeetingType(result.policy, "internal")?.service).toBe("pexip");
  });

  it("names the bad field by its path", () => {
    const input = draft();
    (input.types[1] as Record<string, unknown>).participantLimit = 0;
    expect(errorOf(input)).toMatch(/^types\[1\]\.participantLimit: /);
  });

  it("rejects an unknown template variable at load time", () => {
    const input = draft();
    const invitation = (input.types[0] as { invitation: { sv: { lines: string[] } } }).invitation;
    invitation.sv.lines.push("Patient: {{patientName}}");
    const error = errorOf(input);
    expect(error).toMatch(/^types\[0\]\.invitation\.sv\.lines\[5\]: /);
    expect(error).toContain('unknown template variable "patientName"');
  });

  it("rejects an unclosed variable and a template without the join link", () => {
    const input = draft();
    const sv = (input.types[0] as { invitation: { sv: { lines: string[]; location: string } } })
      .invitation.sv;
    sv.location = "Skyddat vårdmöte {{url";
    expect(errorOf(input)).toContain("types[0].invitation.sv.location: unclosed");
    const noLink = draft();
    const en = (noLink.types[1] as { invitation: { en: { lines: string[] } } }).invitation.en;
    en.lines = ["Welcome"];
    expect(errorOf(noLink)).toContain(
      "types[1].invitation.en.lines: one line must contain {{url}}",
    );
  });

  it("rejects duplicate type ids, an empty type list and a default type that does not exist", () => {
    const duplicate = draft();
    duplicate.types.push(duplicate.types[0] as Record<string, unknown>);
    expect(errorOf(duplicate)).toContain('types[3].id: duplicate meeting type "care"');
    expect(errorOf({ ...draft(), types: [] })).toMatch(/^types: /);
    const missingDefault = draft();
    missingDefault.types = missingDefault.types.slice(1);
    expect(errorOf(missingDefault)).toContain(
      'defaultType: "care" is not one of the policy\'s types',
    );
  });

  it("rejects unknown services, versions and enum values", () => {
    const badService = draft();
    (badService.types[0] as Record<string, unknown>).service = "zoom";
    expect(errorOf(badService)).toMatch(/^types\[0\]\.service: /);
    expect(errorOf({ ...draft(), version: 2 })).toMatch(/^version: /);
    const badLobby = draft();
    (badLobby.types[1] as { teams: Record<string, unknown> }).teams.lobbyScope = "anyone";
    expect(errorOf(badLobby)).toMatch(/^types\[1\]\.teams\.lobbyScope: /);
    expect(errorOf("not an object")).toMatch(/^\(policy\): /);
  });

  it("returns a deeply frozen policy", () => {
    const result = parsePolicy(draft());
    if (!result.ok) throw new Error(result.error);
    expect(Object.isFrozen(result.policy.types[0]?.label)).toBe(true);
  });

  it("has a throwing variant for startup code", () => {
    expect(() => parsePolicyOrThrow({ version: 1 })).toThrow(PolicyError);
    expect(parsePolicyOrThrow(draft()).defaultType).toBe("care");
  });
});

describe("toMeetingTypesResponse", () => {
  it("gives words, service names and limits, and no provider internals", () => {
    const view = toMeetingTypesResponse(DEFAULT_POLICY);
    expect(MeetingTypesResponse.parse(view)).toEqual(view);
    expect(view.defaultType).toBe("care");
    expect(view.types.map((type) => type.id)).toEqual(["care", "information", "internal"]);
    expect(view.types[1]?.serviceName.sv).toBe("Teams med mötesskydd");
    expect(view.types[0]?.serviceName.sv).toBe("Pexip");
    expect(view.types[0]?.participantLimit).toBe(15);
    const json = JSON.stringify(view);
    expect(json).not.toContain("lobbyScope");
    expect(json).not.toContain("cryptoMode");
    expect(json).not.toContain("{{");
  });

  it("returns copies, so callers can not reach into the frozen policy", () => {
    const view = toMeetingTypesResponse(DEFAULT_POLICY);
    view.types[0]?.templates1177.push("x");
    expect(getMeetingType(DEFAULT_POLICY, "care")?.templates1177).toHaveLength(2);
  });
});
