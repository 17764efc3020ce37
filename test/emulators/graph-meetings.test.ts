import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulators, type Emulators, type OnlineMeeting } from "../../src/emulators";
import { graph, graphAppToken } from "./helpers";

let emus: Emulators;
let api: ReturnType<typeof graph>;
let anna: string;
let karl: string;
const meetings = (oid: string) => `/v1.0/users/${oid}/onlineMeetings`;
const DAY = 86_400_000;

beforeAll(async () => {
  emus = await startEmulators({ port: 0 });
  api = graph(emus.graph.url, await graphAppToken(emus.entra));
  anna = emus.entra.oidFor("anna");
  karl = emus.entra.oidFor("karl");
});
afterAll(() => emus.close());
beforeEach(() => emus.graph.reset());

const window = {
  startDateTime: "2030-05-06T08:00:00+02:00",
  endDateTime: "2030-05-06T09:00:00+02:00",
};

async function createOrGet(body: Record<string, unknown>, oid = anna) {
  return api("POST", `${meetings(oid)}/createOrGet`, body);
}

describe("Graph createOrGet", () => {
  it("creates (201) a meeting with the join data Graph hands out", async () => {
    const res = await createOrGet({ externalId: "booking-1", ...window });
    expect(res.status).toBe(201);
    const m = res.body as OnlineMeeting;
    expect(m.joinWebUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/meet\/\d{12}\?p=[A-Za-z0-9]+$/);
    expect(m.joinMeetingIdSettings).toEqual({
      isPasscodeRequired: false,
      joinMeetingId: expect.stringMatching(/^\d{12}$/) as string,
      passcode: null,
    });
    expect(m.joinWebUrl).toContain(m.joinMeetingIdSettings.joinMeetingId);
    expect(m.audioConferencing).toMatchObject({
      tollNumber: "+46 70 174 06 99",
      tollNumbers: ["+46 70 174 06 99"],
      conferenceId: expect.stringMatching(/^\d+$/) as string,
      dialinUrl: expect.stringMatching(/^https:\/\/dialin\.teams\.microsoft\.com\//) as string,
    });
    expect(m).toMatchObject({
      externalId: "booking-1",
      startDateTime: "2030-05-06T06:00:00.0000000Z",
      endDateTime: "2030-05-06T07:00:00.0000000Z",
      participants: {
        organizer: { identity: { user: { id: anna, tenantId: emus.entra.tenantId } } },
      },
    });
    expect(Date.parse(m.expiryDateTime) - Date.parse(m.endDateTime)).toBe(60 * DAY);
    expect(decodeURIComponent(m.joinInformation.content)).toContain(m.joinWebUrl);
  });

  it("returns the existing meeting (200) for the same user and externalId, unchanged", async () => {
    const first = (await createOrGet({ externalId: "booking-2", ...window })).body as OnlineMeeting;
    const again = await createOrGet({
      externalId: "booking-2",
      startDateTime: "2030-06-01T08:00:00Z",
      endDateTime: "2030-06-01T09:00:00Z",
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      id: first.id,
      joinWebUrl: first.joinWebUrl,
      startDateTime: first.startDateTime,
    });
    expect(emus.graph.state().meetings).toHaveLength(1);
  });

  it("keys meetings by user too: the same externalId for another user is another meeting", async () => {
    const a = (await createOrGet({ externalId: "booking-3" })).body as OnlineMeeting;
    const k = await createOrGet({ externalId: "booking-3" }, karl);
    expect(k.status).toBe(201);
    expect((k.body as OnlineMeeting).id).not.toBe(a.id);
  });

  it("creates a new meeting for the externalId after the old one is deleted", async () => {
    const a = (await createOrGet({ externalId: "booking-4" })).body as OnlineMeeting;
    expect((await api("DELETE", `${meetings(anna)}/${a.id}`)).status).toBe(204);
    const b = await createOrGet({ externalId: "booking-4" });
    expect(b.status).toBe(201);
    expect((b.body as OnlineMeeting).id).not.toBe(a.id);
  });

  it("defaults to now + 1 h and refuses an end without a start or before the start", async () => {
    const plain = (await createOrGet({ externalId: "booking-5" })).body as OnlineMeeting;
    expect(Date.parse(plain.endDateTime) - Date.parse(plain.startDateTime)).toBe(3_600_000);
    const endOnly = await createOrGet({ externalId: "booking-6", endDateTime: window.endDateTime });
    expect(endOnly.status).toBe(400);
    const backwards = await createOrGet({
      externalId: "booking-7",
      startDateTime: window.endDateTime,
      endDateTime: window.startDateTime,
    });
    expect(backwards.status).toBe(400);
  });

  it("requires externalId and accepts only its documented parameters", async () => {
    const none = await createOrGet({ ...window });
    expect(none.status).toBe(400);
    expect(none.body).toMatchObject({
      error: { code: "BadRequest", innerError: { "request-id": expect.any(String) as string } },
    });
    const extra = await createOrGet({
      externalId: "b",
      lobbyBypassSettings: { scope: "organizer" },
    });
    expect(extra.status).toBe(400);
    expect((extra.body as { error: { message: string } }).error.message).toContain(
      "'lobbyBypassSettings'",
    );
    const badDate = await createOrGet({ externalId: "b", startDateTime: "tomorrow" });
    expect(badDate.status).toBe(400);
    expect(emus.graph.state().meetings).toEqual([]);
  });
});

describe("Graph create, get and delete", () => {
  it("POST /onlineMeetings honours joinMeetingIdSettings and protection properties", async () => {
    const res = await api("POST", meetings(anna), {
      ...window,
      joinMeetingIdSettings: { isPasscodeRequired: true },
      lobbyBypassSettings: { scope: "organizer", isDialInBypassEnabled: false },
      allowedPresenters: "organizer",
      allowMeetingChat: "disabled",
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      joinMeetingIdSettings: {
        isPasscodeRequired: true,
        passcode: expect.stringMatching(/^[A-Za-z0-9]{6}$/) as string,
      },
      lobbyBypassSettings: { scope: "organizer", isDialInBypassEnabled: false },
      allowedPresenters: "organizer",
      allowMeetingChat: "disabled",
      allowRecording: true,
    });
  });

  it("GET answers the organizer's meeting, 404 for another user's", async () => {
    const m = (await createOrGet({ externalId: "g" })).body as OnlineMeeting;
    expect((await api("GET", `${meetings(anna)}/${m.id}`)).body).toMatchObject({ id: m.id });
    expect((await api("GET", `${meetings(karl)}/${m.id}`)).status).toBe(404);
    expect((await api("DELETE", `${meetings(karl)}/${m.id}`)).status).toBe(404);
  });

  it("finds a meeting by $filter on JoinWebUrl or joinMeetingId, and needs a filter", async () => {
    const m = (await createOrGet({ externalId: "f" })).body as OnlineMeeting;
    const byUrl = await api(
      "GET",
      `${meetings(anna)}?$filter=${encodeURIComponent(`JoinWebUrl eq '${m.joinWebUrl}'`)}`,
    );
    expect((byUrl.body as { value: OnlineMeeting[] }).value.map((x) => x.id)).toEqual([m.id]);
    const byId = await api(
      "GET",
      `${meetings(anna)}?$filter=${encodeURIComponent(`joinMeetingIdSettings/joinMeetingId eq '${m.joinMeetingIdSettings.joinMeetingId}'`)}`,
    );
    expect((byId.body as { value: OnlineMeeting[] }).value).toHaveLength(1);
    expect((await api("GET", meetings(anna))).status).toBe(400);
  });

  it("DELETE answers 204 and the meeting is gone", async () => {
    const m = (await createOrGet({ externalId: "d" })).body as OnlineMeeting;
    const res = await api("DELETE", `${meetings(anna)}/${m.id}`);
    expect(res.status).toBe(204);
    expect(res.text).toBe("");
    expect((await api("GET", `${meetings(anna)}/${m.id}`)).status).toBe(404);
    expect((await api("DELETE", `${meetings(anna)}/${m.id}`)).status).toBe(404);
  });

  it("has no /me for app-only tokens, wants object ids, and knows its paths", async () => {
    expect(
      (await api("POST", "/v1.0/me/onlineMeetings/createOrGet", { externalId: "x" })).status,
    ).toBe(400);
    expect(
      (
        await api("POST", "/v1.0/users/anna@region.example.se/onlineMeetings/createOrGet", {
          externalId: "x",
        })
      ).status,
    ).toBe(404);
    expect((await api("GET", "/v1.0/users")).status).toBe(400);
  });
});
