// The Pexip emulator's answers against Pexip's own published shapes (go-infinity-sdk struct tags,
// the Terraform provider, pexshell's test fixture; test/fixtures/contracts/pexip): the same field
// names with the same JSON types, and the provider's schemas parse every answer; what the
// provider sends is a subset of the SDK's create request.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPexipEmulator, type PexipEmulator } from "../../src/emulators";
import {
  PexipConference,
  PexipConferenceCreate,
  PexipConferenceList,
  PexipConferenceReadback,
} from "../../src/server/providers/pexip/pexip-schemas";
import { readJsonFixture } from "../fixtures/contracts/contracts";
import { ALIAS, CONF, pexip } from "./helpers";

type Shape = Record<string, string>;
const sdk = readJsonFixture<{
  shapes: Record<string, Shape>;
  pexshell: { conferenceLock: { status: number; response: unknown } };
  terraform: Record<string, { default?: string }>;
}>("pexip/go-infinity-sdk.json");
const shape = (name: string) => sdk.shapes[name]!;

const INFINITY_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?(Z|[+-]\d\d:\d\d)?$/;

/** Tastypie sends null for the list links; Go's string fields take null as "". */
const NULL_AS_EMPTY = new Set(["listMeta.next", "listMeta.previous"]);

function typeProblems(name: string, value: Record<string, unknown>): string[] {
  const fields = shape(name);
  const problems: string[] = [];
  for (const key of Object.keys(value))
    if (!(key in fields)) problems.push(`${name}.${key}: not in the SDK's model`);
  for (const [key, type] of Object.entries(fields)) {
    if (!(key in value)) {
      problems.push(`${name}.${key}: missing`);
      continue;
    }
    const v = value[key];
    const [base, nullable] = type.split("|");
    if (v === null) {
      if (!nullable && !NULL_AS_EMPTY.has(`${name}.${key}`)) problems.push(`${name}.${key}: null`);
      continue;
    }
    const fits =
      base === "string"
        ? typeof v === "string"
        : base === "integer"
          ? Number.isInteger(v)
          : base === "number"
            ? typeof v === "number"
            : base === "boolean"
              ? typeof v === "boolean"
              : base === "datetime"
                ? typeof v === "string" && INFINITY_TIME.test(v)
                : base === "array"
                  ? Array.isArray(v)
                  : typeof v === "object" || typeof v === "string"; // a related resource: object or URI
    if (!fits) problems.push(`${name}.${key}: ${JSON.stringify(v)} is not ${type}`);
  }
  return problems;
}

let emu: PexipEmulator;
let api: ReturnType<typeof pexip>;
beforeAll(async () => {
  emu = await startPexipEmulator({ port: 0 });
  api = pexip(emu.url);
  await api("POST", CONF, {
    name: "svm-contract",
    tag: "skyddat-vardmote",
    pin: "11112222",
    allow_guests: true,
    participant_limit: 15,
    crypto_mode: "on",
    aliases: [{ alias: "910012345678" }, { alias: "910012345678@vmr.region.example" }],
  });
  await api("POST", CONF, { name: "plain" });
});
afterAll(() => emu.close());

describe("Pexip emulator answers vs Pexip's published shapes", () => {
  it("conference objects have the SDK's 53 fields with its types; aliases its alias fields", async () => {
    expect(Object.keys(shape("conference"))).toHaveLength(53);
    for (const id of [1, 2]) {
      const conference = (await api("GET", `${CONF}${id}/`)).body as Record<string, unknown>;
      expect(typeProblems("conference", conference)).toEqual([]);
      for (const nested of conference.aliases as Array<Record<string, unknown>>)
        for (const key of Object.keys(nested)) expect(shape("conferenceAlias")).toHaveProperty(key);
      expect(PexipConference.safeParse(conference).success).toBe(true);
      expect(PexipConferenceReadback.safeParse(conference).success).toBe(true);
    }
    const alias = (await api("GET", `${ALIAS}1/`)).body as Record<string, unknown>;
    expect(typeProblems("conferenceAlias", alias)).toEqual([]);
  });

  it("crypto_mode's default is the Terraform provider's", async () => {
    const plain = (await api("GET", `${CONF}2/`)).body as { crypto_mode: unknown };
    expect(plain.crypto_mode).toBe(sdk.terraform["conference.crypto_mode"]!.default);
  });

  it("lists carry the SDK's meta fields and parse with the provider's list schema", async () => {
    for (const path of [`${CONF}?limit=1`, `${ALIAS}`]) {
      const list = (await api("GET", path)).body as { meta: Record<string, unknown> };
      expect(typeProblems("listMeta", list.meta)).toEqual([]);
    }
    expect(PexipConferenceList.safeParse((await api("GET", `${CONF}?limit=1`)).body).success).toBe(
      true,
    );
  });

  it("status conference and participant objects have the SDK's fields and types", async () => {
    for (const caller of [
      { displayName: "Värd", role: "chair" as const },
      { displayName: "Patient", role: "guest" as const },
    ])
      emu.join({ alias: "910012345678", ...caller });
    const conferences = (await api("GET", "/api/admin/status/v1/conference/")).body as {
      meta: Record<string, unknown>;
      objects: Array<Record<string, unknown>>;
    };
    expect(typeProblems("listMeta", conferences.meta)).toEqual([]);
    expect(conferences.objects).toHaveLength(1);
    expect(typeProblems("statusConference", conferences.objects[0]!)).toEqual([]);
    const participants = (await api("GET", "/api/admin/status/v1/participant/")).body as {
      objects: Array<Record<string, unknown>>;
    };
    expect(participants.objects).toHaveLength(2);
    for (const p of participants.objects) expect(typeProblems("statusParticipant", p)).toEqual([]);
  });

  it("command answers are pexshell's 202 and the SDK's CommandResponse fields", async () => {
    const [conference] = (
      (await api("GET", "/api/admin/status/v1/conference/")).body as {
        objects: Array<{ id: string }>;
      }
    ).objects;
    const lock = await api("POST", "/api/admin/command/v1/conference/lock/", {
      conference_id: conference!.id,
    });
    expect(lock.status).toBe(sdk.pexshell.conferenceLock.status);
    expect(lock.body).toEqual(sdk.pexshell.conferenceLock.response);
    const refused = await api("POST", "/api/admin/command/v1/participant/unlock/", {
      participant_id: "nope",
    });
    for (const key of Object.keys(refused.body as object))
      expect(shape("commandResponse")).toHaveProperty(key);
    for (const request of ["participantUnlockRequest", "conferenceLockRequest"])
      expect(Object.keys(shape(request))).toHaveLength(1);
  });
});

describe("Pexip provider requests vs the SDK's create request", () => {
  it("every field the provider sends is a field of ConferenceCreateRequest", () => {
    const fields = shape("conferenceCreateRequest");
    for (const key of Object.keys(PexipConferenceCreate.shape)) expect(fields).toHaveProperty(key);
  });

  it("the SDK's way of giving aliases (conference_alias URIs) works too", async () => {
    const res = await api("POST", CONF, { name: "sdk-style", aliases: [`${ALIAS}2/`] });
    expect(res.status).toBe(201);
    const moved = (await api("GET", `${ALIAS}2/`)).body as { conference: string };
    expect(moved.conference).toBe(res.headers.get("location"));
  });
});
