// The Teams types end to end: the real Teams provider against the Graph emulator, signed in
// with client credentials at the Entra emulator.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CreateMeetingResponse, MeetingResponse } from "../../../src/shared";
import { runReconcile } from "../../../src/server/jobs/reconcile.job";
import { expectConsistent } from "../support/consistency";
import { startTestApp, type TestApp } from "../support/test-app";

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await startTestApp({ env: { RATE_LIMIT_PER_USER: "1000" } });
  token = await t.token("anna");
});
afterAll(() => t.close());
beforeEach(async () => {
  t.emu.graph.reset();
  t.emu.pexip.reset();
  await t.store.db.deleteFrom("abandoned_keys").execute();
  await t.store.db.deleteFrom("bookings").execute();
});

const hour = 3_600_000;
const start = new Date(Date.now() + 24 * hour);
start.setUTCMinutes(0, 0, 0);
const BODY = { start: start.toISOString(), end: new Date(start.getTime() + hour).toISOString() };
const consistent = () => expectConsistent(t.store.db, t.emu.pexip, t.emu.graph);
const create = (type: string) =>
  t.app.inject({
    method: "POST",
    url: "/api/v1/meetings",
    headers: { authorization: `Bearer ${token}` },
    payload: { ...BODY, type },
  });

describe("Teams med mötesskydd", () => {
  it("creates the meeting under the organizer with the fixed subject and the type's protection", async () => {
    const res = await create("information");
    expect(res.statusCode).toBe(201);
    const body = CreateMeetingResponse.parse(res.json());
    const [meeting] = t.emu.graph.state().meetings;
    expect(meeting).toMatchObject({
      externalId: body.booking.id,
      subject: "Skyddat vårdmöte",
      allowedPresenters: "organizer",
      allowMeetingChat: "disabled",
      lobbyBypassSettings: { scope: "organizer", isDialInBypassEnabled: false },
    });
    expect(body.booking.join.url).toBe(meeting!.joinWebUrl);
    expect(body.invitation.text).toContain(meeting!.joinMeetingIdSettings.joinMeetingId);
    await consistent();
  });

  it("changes Teams → Pexip → Teams with one remote meeting at each step", async () => {
    const made = CreateMeetingResponse.parse((await create("internal")).json());
    const url = `/api/v1/meetings/${made.booking.id}/change-type`;
    const headers = { authorization: `Bearer ${token}`, "x-manage-key": made.manageKey };
    const toCare = await t.app.inject({ method: "POST", url, headers, payload: { type: "care" } });
    expect(MeetingResponse.parse(toCare.json()).booking.service).toBe("pexip");
    expect(t.emu.graph.state().meetings).toHaveLength(0);
    await consistent();
    const toInfo = await t.app.inject({
      method: "POST",
      url,
      headers,
      payload: { type: "information" },
    });
    expect(toInfo.statusCode).toBe(200);
    expect(t.emu.graph.state().meetings.map((m) => m.externalId)).toEqual([
      `${made.booking.id}.r2`,
    ]);
    expect(t.emu.pexip.state().conferences).toHaveLength(0);
    await consistent();
  });

  it("moves the Teams meeting when the appointment moves", async () => {
    const made = CreateMeetingResponse.parse((await create("internal")).json());
    const later = {
      start: new Date(start.getTime() + 2 * hour).toISOString(),
      end: new Date(start.getTime() + 3 * hour).toISOString(),
    };
    const res = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/meetings/${made.booking.id}`,
      headers: { authorization: `Bearer ${token}`, "x-manage-key": made.manageKey },
      payload: later,
    });
    expect(res.statusCode).toBe(200);
    const [meeting] = t.emu.graph.state().meetings;
    expect(Date.parse(meeting!.startDateTime)).toBe(Date.parse(later.start));
  });

  it("without an application access policy answers 502 provider_not_authorized; reconcile settles it once granted", async () => {
    t.emu.graph.setAccessPolicy({ grantAll: false, granted: [] });
    const res = await create("information");
    expect(res.statusCode).toBe(502);
    expect(res.json().error.code).toBe("provider_not_authorized");
    // Graph refuses even the lookup that would prove nothing was made: the booking has failed
    // and its key is watched for a meeting made late; that check fails as well.
    const watched = () => t.store.db.selectFrom("abandoned_keys").selectAll().execute();
    expect((await runReconcile(t.app.bookingDeps)).errors).toBeGreaterThan(0);
    expect(await watched()).toEqual([expect.objectContaining({ state: "watching", attempts: 1 })]);
    t.emu.graph.setAccessPolicy({ grantAll: true });
    // The failed check waits its back-off (a minute after the first failure) before the next try.
    expect((await runReconcile(t.app.bookingDeps)).errors).toBe(0);
    expect(await watched()).toEqual([expect.objectContaining({ attempts: 1, checks: 0 })]);
    const minuteOn = { ...t.app.bookingDeps, clock: () => new Date(Date.now() + 61_000) };
    expect((await runReconcile(minuteOn)).errors).toBe(0);
    expect(await watched()).toEqual([expect.objectContaining({ attempts: 0, checks: 1 })]);
    await consistent();
    expect(t.emu.graph.state().meetings).toEqual([]);
  });

  it("waits out Graph throttling (429 with Retry-After)", async () => {
    await t.emu.graph.faults.add({
      route: "POST /v1.0/users/",
      status: 429,
      retryAfter: 0,
      count: 2,
    });
    expect((await create("information")).statusCode).toBe(201);
    await consistent();
  });

  it("a meeting deleted in Teams behind our back is found by reconcile", async () => {
    const made = CreateMeetingResponse.parse((await create("internal")).json());
    t.emu.graph.reset();
    // Gone only after two 404s at least a minute apart: the second pass runs with a clock 61 s on.
    expect((await runReconcile(t.app.bookingDeps)).danglingRemoved).toBe(0);
    const later = { ...t.app.bookingDeps, clock: () => new Date(Date.now() + 61_000) };
    expect((await runReconcile(later)).danglingRemoved).toBe(1);
    const row = await t.store.db
      .selectFrom("bookings")
      .select("lifecycle")
      .where("id", "=", made.booking.id)
      .executeTakeFirstOrThrow();
    expect(row.lifecycle).toBe("removed");
  });
});
