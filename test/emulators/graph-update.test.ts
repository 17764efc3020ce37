import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulators, type Emulators, type OnlineMeeting } from "../../src/emulators";
import { graph, graphAppToken } from "./helpers";

let emus: Emulators;
let api: ReturnType<typeof graph>;
let anna: string;
let base: string;
let meeting: OnlineMeeting;
const DAY = 86_400_000;

beforeAll(async () => {
  emus = await startEmulators({ port: 0 });
  api = graph(emus.graph.url, await graphAppToken(emus.entra));
  anna = emus.entra.oidFor("anna");
});
afterAll(() => emus.close());
beforeEach(async () => {
  emus.graph.reset();
  meeting = (
    await api("POST", `/v1.0/users/${anna}/onlineMeetings/createOrGet`, {
      externalId: "booking-1",
      startDateTime: "2030-05-06T08:00:00Z",
      endDateTime: "2030-05-06T09:00:00Z",
    })
  ).body as OnlineMeeting;
  base = `/v1.0/users/${anna}/onlineMeetings/${meeting.id}`;
});

const stored = () => emus.graph.state().meetings[0]!;
const message = (body: unknown) => (body as { error: { message: string } }).error.message;

describe("Graph PATCH rules", () => {
  it("changes only what is sent and answers 200 with the meeting", async () => {
    const res = await api("PATCH", base, {
      lobbyBypassSettings: { scope: "organizer" },
      allowedPresenters: "organizer",
      allowMeetingChat: "disabled",
      allowRecording: false,
      allowTranscription: false,
      allowAttendeeToEnableMic: false,
      allowAttendeeToEnableCamera: false,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: meeting.id,
      lobbyBypassSettings: { scope: "organizer", isDialInBypassEnabled: false },
      allowedPresenters: "organizer",
      allowMeetingChat: "disabled",
      allowRecording: false,
      joinWebUrl: meeting.joinWebUrl,
      startDateTime: meeting.startDateTime,
    });
  });

  it("moves the meeting only with both start and end, and recomputes the expiry", async () => {
    const startOnly = await api("PATCH", base, { startDateTime: "2030-05-07T08:00:00Z" });
    expect(startOnly.status).toBe(400);
    expect(message(startOnly.body)).toMatch(/startDateTime and endDateTime/);
    expect((await api("PATCH", base, { endDateTime: "2030-05-07T09:00:00Z" })).status).toBe(400);
    expect(stored().startDateTime).toBe(meeting.startDateTime);
    const both = await api("PATCH", base, {
      startDateTime: "2030-05-07T08:00:00Z",
      endDateTime: "2030-05-07T10:00:00Z",
    });
    expect(both.status).toBe(200);
    const m = both.body as OnlineMeeting;
    expect(m.endDateTime).toBe("2030-05-07T10:00:00.0000000Z");
    expect(Date.parse(m.expiryDateTime) - Date.parse(m.endDateTime)).toBe(60 * DAY);
    const backwards = await api("PATCH", base, {
      startDateTime: "2030-05-07T10:00:00Z",
      endDateTime: "2030-05-07T08:00:00Z",
    });
    expect(backwards.status).toBe(400);
  });

  it("refuses joinMeetingIdSettings after creation", async () => {
    const res = await api("PATCH", base, { joinMeetingIdSettings: { isPasscodeRequired: true } });
    expect(res.status).toBe(400);
    expect(message(res.body)).toMatch(/joinMeetingIdSettings/);
    expect(stored().joinMeetingIdSettings.isPasscodeRequired).toBe(false);
  });

  it.each([
    ["allowMeetingChat", "off", "meetingChatMode"],
    ["allowedPresenters", "nobody", "onlineMeetingPresenters"],
    ["allowedLobbyAdmitters", "everyone", "allowedLobbyAdmitterRoles"],
  ])("refuses a bad %s value with OData's message", async (property, value, type) => {
    const res = await api("PATCH", base, { [property]: value });
    expect(res.status).toBe(400);
    expect(message(res.body)).toBe(
      `Cannot convert the literal '${value}' to the expected type 'microsoft.graph.${type}'.`,
    );
  });

  it("refuses a bad lobby scope, a non-boolean flag, unknown and read-only properties", async () => {
    expect((await api("PATCH", base, { lobbyBypassSettings: { scope: "anyone" } })).status).toBe(
      400,
    );
    expect((await api("PATCH", base, { allowRecording: "false" })).status).toBe(400);
    const unknown = await api("PATCH", base, { allowEverything: true });
    expect(message(unknown.body)).toMatch(/does not exist on type 'microsoft.graph.onlineMeeting'/);
    const readOnly = await api("PATCH", base, { joinWebUrl: "https://teams.microsoft.com/meet/1" });
    expect(message(readOnly.body)).toMatch(/read-only/);
    expect((await api("PATCH", base, { unknownFutureValue: 1 })).status).toBe(400);
  });

  it("refuses to change the organizer", async () => {
    const res = await api("PATCH", base, {
      participants: { organizer: { identity: { user: { id: emus.entra.oidFor("karl") } } } },
    });
    expect(res.status).toBe(400);
  });

  it("shows evolvable lobby scopes only to clients that send the Prefer header", async () => {
    await api("PATCH", base, { lobbyBypassSettings: { scope: "invited" } });
    const plain = (await api("GET", base)).body as OnlineMeeting;
    expect(plain.lobbyBypassSettings.scope).toBe("unknownFutureValue");
    const opted = (await api("GET", base, undefined, { prefer: "include-unknown-enum-members" }))
      .body as OnlineMeeting;
    expect(opted.lobbyBypassSettings.scope).toBe("invited");
    expect(stored().lobbyBypassSettings.scope).toBe("invited");
  });
});

describe("Graph Teams Premium switch", () => {
  const premiumPatch = {
    isEndToEndEncryptionEnabled: true,
    watermarkProtection: { isEnabledForContentSharing: true, isEnabledForVideo: true },
    anonymizeIdentityForRoles: ["attendee"],
    sensitivityLabelAssignment: { sensitivityLabelId: "0f0e0d0c-0000-4000-8000-000000000001" },
  };

  it("without Premium accepts but does not apply Premium-only properties (default)", async () => {
    const res = await api("PATCH", base, { ...premiumPatch, allowMeetingChat: "disabled" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      allowMeetingChat: "disabled",
      isEndToEndEncryptionEnabled: false,
      watermarkProtection: null,
      anonymizeIdentityForRoles: [],
      sensitivityLabelAssignment: null,
    });
  });

  it("with Premium applies them, and attendee anonymity cannot be removed again", async () => {
    await emus.graph.setTenant(emus.entra.tenantId, { premium: true });
    const res = await api("PATCH", base, premiumPatch);
    expect(res.body).toMatchObject(premiumPatch);
    const remove = await api("PATCH", base, { anonymizeIdentityForRoles: [] });
    expect(remove.status).toBe(400);
    expect(stored().anonymizeIdentityForRoles).toEqual(["attendee"]);
  });

  it("a tenant switched to reject answers 403 and changes nothing", async () => {
    const set = await fetch(`${emus.graph.url}/_emulator/tenants/${emus.entra.tenantId}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ premium: false, nonPremium: "reject" }),
    });
    expect(set.status).toBe(200);
    const res = await api("PATCH", base, {
      isEndToEndEncryptionEnabled: true,
      allowMeetingChat: "disabled",
    });
    expect(res.status).toBe(403);
    expect(message(res.body)).toMatch(/Teams Premium/);
    expect(stored().allowMeetingChat).toBe("enabled");
    expect((await api("PATCH", base, { isEndToEndEncryptionEnabled: false })).status).toBe(200);
  });

  it("a template can only be given at creation", async () => {
    emus.graph.setTenant(emus.entra.tenantId, { premium: true });
    expect((await api("PATCH", base, { meetingTemplateId: "tmpl-1" })).status).toBe(400);
    const created = await api("POST", `/v1.0/users/${anna}/onlineMeetings`, {
      meetingTemplateId: "tmpl-1",
    });
    expect(created.body).toMatchObject({ meetingTemplateId: "tmpl-1" });
  });

  it("without Audio Conferencing a meeting has no dial-in data", async () => {
    emus.graph.setTenant(emus.entra.tenantId, { audioConferencing: false });
    const m = await api("POST", `/v1.0/users/${anna}/onlineMeetings/createOrGet`, {
      externalId: "no-audio",
    });
    expect((m.body as OnlineMeeting).audioConferencing).toBeNull();
  });
});
