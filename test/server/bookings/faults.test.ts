// Faults at every provider call the service makes (errors, timeouts, 429 bursts, dropped
// connections), injected in the Pexip and Graph emulators. After each, the
// store and the providers agree: nothing missing, nothing extra.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CreateMeetingResponse } from "../../../src/shared";
import { runReconcile } from "../../../src/server/jobs/reconcile.job";
import { expectConsistent } from "../support/consistency";
import { startTestApp, type TestApp } from "../support/test-app";

const CONF = "/api/admin/configuration/v1/conference/";
/** Every online-meeting call of the Teams provider (createOrGet, create, PATCH, DELETE). */
const MEETINGS = "/v1.0/users/";
const hour = 3_600_000;
const start = new Date(Date.now() + 24 * hour);
start.setUTCMinutes(0, 0, 0);
const BODY = {
  type: "care",
  start: start.toISOString(),
  end: new Date(start.getTime() + hour).toISOString(),
};

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await startTestApp({ env: { RATE_LIMIT_PER_USER: "1000" } });
  token = await t.token("anna");
});
afterAll(() => t.close());
beforeEach(async () => {
  t.emu.pexip.reset();
  t.emu.graph.reset();
  await t.store.db.deleteFrom("bookings").execute();
});

const consistent = () => expectConsistent(t.store.db, t.emu.pexip, t.emu.graph);
const create = (body: object = BODY) =>
  t.app.inject({
    method: "POST",
    url: "/api/v1/meetings",
    headers: { authorization: `Bearer ${token}` },
    payload: body,
  });
const manage = (method: "PATCH" | "DELETE" | "POST", url: string, key: string, payload?: object) =>
  t.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token}`, "x-manage-key": key },
    ...(payload ? { payload } : {}),
  });
async function made(type = "care") {
  const res = await create({ ...BODY, type });
  expect(res.statusCode).toBe(201);
  return CreateMeetingResponse.parse(res.json());
}

describe("create", () => {
  it("a Pexip outage answers 503 (retryable) and leaves nothing behind", async () => {
    await t.emu.pexip.faults.add({ route: `POST ${CONF}`, status: 503 });
    const res = await create();
    expect(res.statusCode).toBe(503);
    expect(res.json().error).toMatchObject({ code: "provider_unavailable", retryable: true });
    t.emu.pexip.faults.clear();
    expect(t.emu.pexip.state().conferences).toEqual([]);
    await consistent();
  });

  it("an answer lost after Pexip made the VMR (500 after, dropped connection) still gives one VMR", async () => {
    await t.emu.pexip.faults.add({ route: `POST ${CONF}`, status: 500, when: "after", count: 1 });
    expect((await create()).statusCode).toBe(201);
    await t.emu.pexip.faults.add({ route: `POST ${CONF}`, drop: true, when: "after", count: 1 });
    expect((await create()).statusCode).toBe(201);
    expect(t.emu.pexip.state().conferences).toHaveLength(2);
    await consistent();
  });

  it("a 429 burst with Retry-After is waited out", async () => {
    await t.emu.pexip.faults.add({ route: `POST ${CONF}`, status: 429, retryAfter: 0, count: 2 });
    expect((await create()).statusCode).toBe(201);
    await consistent();
  });

  it("a hanging Pexip times out (504) and the VMR it made anyway is deleted", async () => {
    await t.emu.pexip.faults.add({ route: `POST ${CONF}`, hang: true, when: "after" });
    const res = await create();
    expect(res.statusCode).toBe(504);
    expect(res.json().error.code).toBe("provider_timeout");
    t.emu.pexip.faults.clear();
    await consistent();
  });

  it("a refusal (4xx) is not retried and answers 502", async () => {
    await t.emu.pexip.faults.add({ route: `POST ${CONF}`, status: 403, count: 1 });
    const res = await create();
    expect(res.statusCode).toBe(502);
    expect(res.json().error.retryable).toBeUndefined();
    await consistent();
  });

  it("when the compensation fails too, the booking fails at once and reconcile removes what was made", async () => {
    await t.emu.pexip.faults.add({ route: `POST ${CONF}`, status: 500, when: "after" });
    await t.emu.pexip.faults.add({ route: `GET ${CONF}`, status: 500 });
    expect((await create()).statusCode).toBe(503);
    t.emu.pexip.faults.clear();
    expect(t.emu.pexip.state().conferences.length).toBeGreaterThan(0);
    const rows = await t.store.db.selectFrom("bookings").select("lifecycle").execute();
    expect(rows).toEqual([{ lifecycle: "failed" }]);
    // The key went under the late-meeting watch, due at once since the compensation failed.
    const report = await runReconcile(t.app.bookingDeps);
    expect(report.lateMeetingsDeleted).toBeGreaterThan(0);
    await consistent();
    const audit = await t.store.db
      .selectFrom("audit_events")
      .select("action")
      .where("action", "like", "reconcile%")
      .execute();
    expect(audit.map((a) => a.action)).toContain("reconcile.late-meeting");
  });

  it("a Teams outage answers 503 and leaves nothing", async () => {
    // The outage also fails the compensation's look-up (createOrGet is Graph's only find): the
    // key goes to the late-meeting watch, the booking is closed as failed at once.
    t.emu.graph.faults.add({ route: `POST ${MEETINGS}`, status: 503 });
    expect((await create({ ...BODY, type: "information" })).statusCode).toBe(503);
    t.emu.graph.faults.clear();
    expect(t.emu.graph.state().meetings).toEqual([]);
    await consistent();
  });
  it("a Teams 503 and a 429 with Retry-After are retried: one meeting, booked", async () => {
    // The first Graph call gets the 503, the second the 429, whichever calls they are.
    t.emu.graph.faults.add({ route: `* ${MEETINGS}`, status: 503, count: 1 });
    t.emu.graph.faults.add({ route: `* ${MEETINGS}`, status: 429, retryAfter: 0, count: 1 });
    expect((await create({ ...BODY, type: "information" })).statusCode).toBe(201);
    expect(t.emu.graph.faults.list()).toEqual([]);
    expect(t.emu.graph.state().meetings).toHaveLength(1);
    await consistent();
  });
});

describe("change-type", () => {
  it("fails cleanly when the new meeting cannot be made: the old one stays", async () => {
    const m = await made("care");
    t.emu.graph.faults.add({ route: `POST ${MEETINGS}`, status: 503 });
    const res = await manage("POST", `/api/v1/meetings/${m.booking.id}/change-type`, m.manageKey, {
      type: "information",
    });
    expect(res.statusCode).toBe(503);
    t.emu.graph.faults.clear();
    const row = await t.store.db
      .selectFrom("bookings")
      .selectAll()
      .where("id", "=", m.booking.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ type: "care", lifecycle: "active", pending_type: null });
    expect(t.emu.pexip.state().conferences).toHaveLength(1);
    await consistent();
  });

  it("rolls back when the old meeting cannot be deleted: the new one goes", async () => {
    const m = await made("care");
    await t.emu.pexip.faults.add({ route: `DELETE ${CONF}`, status: 503 });
    const res = await manage("POST", `/api/v1/meetings/${m.booking.id}/change-type`, m.manageKey, {
      type: "information",
    });
    expect(res.statusCode).toBe(503);
    t.emu.pexip.faults.clear();
    expect(t.emu.graph.state().meetings).toEqual([]);
    await consistent();
  });

  it("Teams → Pexip with Pexip down keeps the Teams meeting", async () => {
    const m = await made("information");
    await t.emu.pexip.faults.add({ route: `POST ${CONF}`, status: 502 });
    const res = await manage("POST", `/api/v1/meetings/${m.booking.id}/change-type`, m.manageKey, {
      type: "care",
    });
    expect(res.statusCode).toBe(503);
    t.emu.pexip.faults.clear();
    expect(t.emu.graph.state().meetings).toHaveLength(1);
    await consistent();
  });
});

describe("remove and update", () => {
  it("a failed delete keeps the booking active; a later one succeeds", async () => {
    const m = await made("care");
    const url = `/api/v1/meetings/${m.booking.id}`;
    await t.emu.pexip.faults.add({ route: `DELETE ${CONF}`, status: 503 });
    expect((await manage("DELETE", url, m.manageKey)).statusCode).toBe(503);
    t.emu.pexip.faults.clear();
    await consistent();
    expect((await manage("DELETE", url, m.manageKey)).statusCode).toBe(204);
    await consistent();
  });

  it("a failed Teams update keeps the old times", async () => {
    const m = await made("internal");
    t.emu.graph.faults.add({ route: `PATCH ${MEETINGS}`, status: 503 });
    const later = {
      start: new Date(start.getTime() + 2 * hour).toISOString(),
      end: new Date(start.getTime() + 3 * hour).toISOString(),
    };
    expect(
      (await manage("PATCH", `/api/v1/meetings/${m.booking.id}`, m.manageKey, later)).statusCode,
    ).toBe(503);
    t.emu.graph.faults.clear();
    const row = await t.store.db
      .selectFrom("bookings")
      .selectAll()
      .where("id", "=", m.booking.id)
      .executeTakeFirstOrThrow();
    expect(row.start_at).toBe(m.booking.start);
    expect(row.lease_owner).toBeNull();
  });
});
