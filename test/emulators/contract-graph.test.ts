// The Graph emulator's answers against Microsoft's published v1.0 metadata (an excerpt in
// test/fixtures/contracts/graph): every property it returns is a v1.0 property of the right
// type (or the one uncertain setting, named), and every answer parses with the provider's
// own schemas. Errors have the OData error shape of Microsoft's SDK.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulators, type Emulators } from "../../src/emulators";
import { UNCERTAIN_V1_SETTINGS } from "../../src/server/providers/teams";
import { GraphErrorBody, GraphOnlineMeeting } from "../../src/server/providers/teams/graph-schemas";
import { csdlProblems, readGraphCsdl, readJsonFixture } from "../fixtures/contracts/contracts";
import { call, graphAppToken } from "./helpers";

const csdl = readGraphCsdl();
const ORGANIZER = "7d1c0b7e-2a44-4f55-9a1e-3c0de0000001";
/**
 * `identity` is an open type: Microsoft's own onlineMeeting examples show `tenantId` and
 * `identityProvider` on the organizer's identity. The uncertain setting is checked on its own.
 */
const EXTRAS = new Set([
  "identity.tenantId",
  "identity.identityProvider",
  ...UNCERTAIN_V1_SETTINGS.map((s) => `onlineMeeting.${s}`),
]);

let emu: Emulators;
let token: string;
beforeAll(async () => {
  emu = await startEmulators({ port: 0 });
  emu.graph.setTenant(emu.entra.tenantId, { premium: true });
  token = await graphAppToken(emu.entra);
});
afterAll(() => emu.close());

const graph = (method: string, path: string, body?: unknown) =>
  call(emu.graph.url, method, `/v1.0/users/${ORGANIZER}/onlineMeetings${path}`, {
    body,
    headers: { authorization: `Bearer ${token}`, prefer: "include-unknown-enum-members" },
  });

/** Every property a create can set, with values the provider's policy can produce. */
const EVERYTHING = {
  externalId: "contract-everything",
  subject: "Skyddat vårdmöte",
  startDateTime: "2031-05-06T08:00:00Z",
  endDateTime: "2031-05-06T09:00:00Z",
  lobbyBypassSettings: { scope: "invited", isDialInBypassEnabled: false },
  allowedPresenters: "organizer",
  allowMeetingChat: "limited",
  allowRecording: false,
  allowTranscription: false,
  allowAttendeeToEnableMic: false,
  allowAttendeeToEnableCamera: false,
  isEntryExitAnnounced: false,
  watermarkProtection: { isEnabledForContentSharing: true, isEnabledForVideo: true },
  isEndToEndEncryptionEnabled: true,
  anonymizeIdentityForRoles: ["attendee"],
  sensitivityLabelAssignment: { sensitivityLabelId: "5e3c9a8b-0000-4000-8000-00000000beef" },
  meetingTemplateId: "4b5a3c2d-0000-4000-8000-0000000000aa",
  joinMeetingIdSettings: { isPasscodeRequired: true },
};

function meetingProblems(body: unknown): string[] {
  const { "@odata.context": _context, ...meeting } = body as Record<string, unknown>;
  return csdlProblems(csdl, meeting, "graph.onlineMeeting", "onlineMeeting", { extras: EXTRAS });
}

describe("Graph emulator answers vs Graph v1.0 metadata", () => {
  it("create, createOrGet, PATCH, GET and the $filter list answer v1.0 onlineMeetings", async () => {
    const created = await graph("POST", "", EVERYTHING);
    expect(created.status).toBe(201);
    const id = (created.body as { id: string }).id;
    const answers = [
      created.body,
      (await graph("POST", "/createOrGet", { externalId: "contract-plain" })).body,
      (await graph("PATCH", `/${id}`, { allowMeetingChat: "disabled" })).body,
      (await graph("GET", `/${id}`)).body,
    ];
    const joinWebUrl = (created.body as { joinWebUrl: string }).joinWebUrl;
    const listed = await graph("GET", `?$filter=JoinWebUrl eq '${joinWebUrl}'`);
    answers.push(...(listed.body as { value: unknown[] }).value);
    expect(answers).toHaveLength(5);
    // The check itself catches a stray property and a wrong type.
    expect(
      meetingProblems({ ...(created.body as object), bogus: 1, allowRecording: "no" }),
    ).toEqual([
      "onlineMeeting.allowRecording: not a boolean",
      "onlineMeeting.bogus: not a property of onlineMeeting",
    ]);
    for (const answer of answers) {
      expect(meetingProblems(answer)).toEqual([]);
      expect(GraphOnlineMeeting.safeParse(answer).success).toBe(true);
    }
  });

  it("the uncertain setting comes back typed as the beta metadata and types declare it", async () => {
    const beta = readJsonFixture<{ onlineMeetingBase: { properties: string[] } }>(
      "graph/beta-online-meeting.json",
    );
    const got = (await graph("POST", "", { ...EVERYTHING, externalId: "contract-beta" }))
      .body as Record<string, unknown>;
    for (const setting of UNCERTAIN_V1_SETTINGS) {
      expect(beta.onlineMeetingBase.properties).toContain(setting);
      expect(csdl.propertiesOf("onlineMeeting").has(setting)).toBe(false);
    }
    expect(
      csdlProblems(csdl, got.anonymizeIdentityForRoles, "Collection(graph.onlineMeetingRole)", "x"),
    ).toEqual([]);
  });

  it("errors have Graph's OData error shape and parse with the provider's schema", async () => {
    const shape = readJsonFixture<{ MainError: object; InnerError: object }>(
      "graph/odata-error.json",
    );
    const mainKeys = Object.keys(shape.MainError);
    const innerKeys = Object.keys(shape.InnerError).map((k) => k.toLowerCase());
    const errors = [
      await graph("GET", "/does-not-exist"),
      await graph("PATCH", "/x", { notAProperty: true }),
      await call(emu.graph.url, "GET", `/v1.0/users/${ORGANIZER}/onlineMeetings/x`),
    ];
    for (const res of errors) {
      expect(res.status).toBeGreaterThanOrEqual(400);
      const body = res.body as { error: Record<string, unknown> };
      expect(Object.keys(body)).toEqual(["error"]);
      for (const key of Object.keys(body.error)) expect(mainKeys).toContain(key);
      expect(typeof body.error.code).toBe("string");
      expect(typeof body.error.message).toBe("string");
      for (const key of Object.keys(body.error.innerError as object))
        expect(innerKeys).toContain(key.toLowerCase());
      expect(GraphErrorBody.safeParse(body).success).toBe(true);
    }
  });
});
