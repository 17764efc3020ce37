// A Teams meeting Graph makes after the service gave up on the call (a createOrGet answered past
// our deadline) is always removed in the end, and an active booking's meeting never is: the real
// Teams provider against the Graph emulator over HTTP, on PostgreSQL, with a clock the test moves.
// The emulator's latency fault holds a request and then carries it out, as a slow Graph does.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { CreateMeetingResponse } from "../../../src/shared";
import { runReconcile } from "../../../src/server/jobs/reconcile.job";
import type { RepairSettings } from "../../../src/server/jobs/repair-settings";
import { abandonKey } from "../../../src/server/bookings/abandoned-keys.repository";
import {
  LATE_MEETING_CHECK,
  listAttention,
  retryAttention,
} from "../../../src/server/admin/needs-attention";
import { expectConsistent } from "../support/consistency";
import { startTestApp, type TestApp } from "../support/test-app";

const minute = 60_000;
const hour = 60 * minute;
const LEASE_MS = 120_000; // LEASE_SECONDS' default
const REPAIR: RepairSettings = {
  baseDelayMs: minute,
  maxDelayMs: 10 * minute,
  maxAttempts: 3,
  batch: 1,
  lateWatchMs: 30 * minute,
};
/** Far longer than the 1 s deadline below: Graph carries the request out after we gave up. */
const LATE_MS = 5_000;
const CREATE_OR_GET = "/onlineMeetings/createOrGet";

let now = Date.now();
let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await startTestApp({
    store: "postgres",
    env: { RATE_LIMIT_PER_USER: "1000", GRAPH_DEADLINE_MS: "1000" },
    app: { clock: () => new Date(now) },
  });
  token = await t.token("anna");
});
afterAll(() => t.close());
beforeEach(async () => {
  now = Date.now();
  t.emu.graph.reset();
  t.emu.pexip.reset();
  await t.store.db.deleteFrom("abandoned_keys").execute();
  await t.store.db.deleteFrom("bookings").execute();
  await t.store.db.deleteFrom("audit_events").execute();
});

const start = new Date(Date.now() + 24 * hour);
start.setUTCMinutes(0, 0, 0);
const BODY = { start: start.toISOString(), end: new Date(start.getTime() + hour).toISOString() };
const consistent = () => expectConsistent(t.store.db, t.emu.pexip, t.emu.graph);
const reconcile = () => runReconcile(t.app.bookingDeps, { repair: REPAIR });
const graphKeys = () => t.emu.graph.state().meetings.map((m) => m.externalId);
const row = (id: string) =>
  t.store.db.selectFrom("bookings").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const watch = (key: string) =>
  t.store.db
    .selectFrom("abandoned_keys")
    .selectAll()
    .where("meeting_key", "=", key)
    .executeTakeFirstOrThrow();

async function create(type: string, user = "anna") {
  return t.app.inject({
    method: "POST",
    url: "/api/v1/meetings",
    headers: { authorization: `Bearer ${user === "anna" ? token : await t.token(user)}` },
    payload: { ...BODY, type },
  });
}

async function booked(type: string, user = "anna") {
  const res = await create(type, user);
  expect(res.statusCode).toBe(201);
  return CreateMeetingResponse.parse(res.json());
}

const changeType = (id: string, manageKey: string, type: string) =>
  t.app.inject({
    method: "POST",
    url: `/api/v1/meetings/${id}/change-type`,
    headers: { authorization: `Bearer ${token}`, "x-manage-key": manageKey },
    payload: { type },
  });

/**
 * The organizer's next createOrGet is held LATE_MS and then carried out; the lookup the service
 * makes right after giving up is answered at once and finds nothing.
 */
async function slowGraphOnce(oid: string): Promise<void> {
  t.emu.graph.faults.add({
    route: `POST /v1.0/users/${oid}${CREATE_OR_GET}`,
    latencyMs: LATE_MS,
    count: 1,
  });
}

const oidOf = (user: string) => t.emu.entra.oidFor(user);

/** Until `key` has a meeting in Graph: the held requests carried out. */
async function landed(key: string): Promise<void> {
  await vi.waitFor(() => expect(graphKeys()).toContain(key), { timeout: 30_000, interval: 50 });
}

/** Moves the clock past the watch time and runs reconcile until the key's watch has ended. */
async function watchToTheEnd(key: string): Promise<void> {
  for (let pass = 0; pass < 20 && (await watch(key)).state === "watching"; pass += 1) {
    now += REPAIR.maxDelayMs;
    await reconcile();
  }
  expect((await watch(key)).state).toBe("done");
}

describe("a change of type whose Teams createOrGet Graph carries out after our deadline", () => {
  it("is rolled back, and the meeting that appears later is deleted; the booking keeps its one meeting", async () => {
    const care = await booked("care");
    const id = care.booking.id;
    await slowGraphOnce(oidOf("anna"));
    const res = await changeType(id, care.manageKey, "internal");
    expect(res.statusCode).toBeGreaterThanOrEqual(500);
    expect(await row(id)).toMatchObject({
      lifecycle: "active",
      type: "care",
      meeting_key: id,
      pending_meeting_key: null,
    });
    // The rollback looked (createOrGet made a meeting, so there was none, and deleted it) and
    // put the key under watch, due a lease later.
    expect(await watch(`${id}.r1`)).toMatchObject({ state: "watching", checks: 0 });
    expect((await reconcile()).lateMeetingsDeleted).toBe(0);

    // Graph now carries out the held createOrGet: a meeting nobody owns.
    await landed(`${id}.r1`);
    expect(graphKeys()).toEqual([`${id}.r1`]);
    now += LEASE_MS + 1;
    expect((await reconcile()).lateMeetingsDeleted).toBe(1);
    expect(graphKeys()).toEqual([]);
    await consistent();
    await watchToTheEnd(`${id}.r1`);
    expect(graphKeys()).toEqual([]);
    expect(t.emu.pexip.state().conferences).toHaveLength(1);
    const actions = (
      await t.store.db
        .selectFrom("audit_events")
        .select("action")
        .where("booking_id", "=", id)
        .execute()
    ).map((a) => a.action);
    expect(actions).toContain("reconcile.late-meeting");
  });

  it("a new change takes the next key, and the watch of the abandoned one never touches its meeting", async () => {
    const care = await booked("care");
    const id = care.booking.id;
    await slowGraphOnce(oidOf("anna"));
    expect((await changeType(id, care.manageKey, "internal")).statusCode).toBeGreaterThanOrEqual(
      500,
    );
    await landed(`${id}.r1`);

    // Tried again while the late meeting of .r1 is still there.
    const again = await changeType(id, care.manageKey, "internal");
    expect(again.statusCode).toBe(200);
    const changed = await row(id);
    expect(changed).toMatchObject({
      lifecycle: "active",
      type: "internal",
      meeting_key: `${id}.r2`,
    });
    expect(graphKeys().sort()).toEqual([`${id}.r1`, `${id}.r2`]);

    now += LEASE_MS + 1;
    expect((await reconcile()).lateMeetingsDeleted).toBe(1);
    await watchToTheEnd(`${id}.r1`);
    const [meeting] = t.emu.graph.state().meetings;
    expect(graphKeys()).toEqual([`${id}.r2`]);
    expect(JSON.parse(changed.provider_ref!).externalId).toBe(meeting!.id);
    expect(t.emu.pexip.state().conferences).toHaveLength(0);
    await consistent();
  });
});

describe("a Teams create given up on while Graph still carries it out", () => {
  it("fails at once, and the meeting that appears later is deleted", async () => {
    await slowGraphOnce(oidOf("anna"));
    const res = await create("internal");
    expect(res.statusCode).toBeGreaterThanOrEqual(500);
    const [failed] = await t.store.db.selectFrom("bookings").selectAll().execute();
    expect(failed).toMatchObject({ lifecycle: "failed" });
    const key = failed!.id;
    expect((await reconcile()).lateMeetingsDeleted).toBe(0);
    await landed(key);
    now += LEASE_MS + 1;
    expect((await reconcile()).lateMeetingsDeleted).toBe(1);
    await watchToTheEnd(key);
    expect(graphKeys()).toEqual([]);
    expect((await watch(key)).deleted).toBe(1);
    await consistent();
  });
});

describe("safety and persistence of the watch", () => {
  it("leaves a key the booking uses alone (never deletes an active booking's meeting)", async () => {
    const live = await booked("internal");
    // Should never happen; if a watched key were in use, the booking's meeting wins.
    await abandonKey(t.store.db, {
      meetingKey: live.booking.id,
      bookingId: live.booking.id,
      service: "teams",
      at: new Date(now).toISOString(),
      firstCheckAt: new Date(now).toISOString(),
    });
    const report = await reconcile();
    expect(report.lateMeetingsDeleted).toBe(0);
    expect((await watch(live.booking.id)).state).toBe("done");
    expect(graphKeys()).toEqual([live.booking.id]);
    await consistent();
  });

  it("a check that keeps failing backs off, goes to needs_attention and never holds the others", async () => {
    const stuck = await booked("internal", "anna");
    const other = await booked("internal", "bertil");
    // Both as if their creates had been given up on while Graph made the meetings anyway.
    for (const b of [stuck, other]) {
      await t.store.db
        .updateTable("bookings")
        .set({ lifecycle: "failed" })
        .where("id", "=", b.booking.id)
        .execute();
    }
    // The stuck one is older, so it comes first in the queue (batch 1).
    for (const [i, b] of [stuck, other].entries())
      await abandonKey(t.store.db, {
        meetingKey: b.booking.id,
        bookingId: b.booking.id,
        service: "teams",
        at: new Date(now - 10 + i).toISOString(),
        firstCheckAt: new Date(now - 10 + i).toISOString(),
      });
    expect((await row(stuck.booking.id)).organizer_oid).toBe(oidOf("anna"));
    t.emu.graph.faults.add({
      route: `POST /v1.0/users/${oidOf("anna")}${CREATE_OR_GET}`,
      status: 403,
    });

    const first = await reconcile();
    expect(first.errors).toBe(1);
    expect(await watch(stuck.booking.id)).toMatchObject({ state: "watching", attempts: 1 });
    // While the stuck key waits its back-off, the next pass takes the other one.
    const second = await reconcile();
    expect(second.lateMeetingsDeleted).toBe(1);
    expect(graphKeys()).toEqual([stuck.booking.id]);

    // Each failure waits longer (1, then 2 minutes) before the next attempt.
    now += REPAIR.baseDelayMs - 1;
    await reconcile();
    expect((await watch(stuck.booking.id)).attempts).toBe(1);
    now += 1;
    await reconcile();
    expect((await watch(stuck.booking.id)).attempts).toBe(2);
    let gaveUp = 0;
    for (let pass = 0; pass < 6 && (await watch(stuck.booking.id)).state === "watching"; pass++) {
      now += REPAIR.maxDelayMs;
      gaveUp += (await reconcile()).needsAttention;
    }
    expect(gaveUp).toBe(1);
    expect(await watch(stuck.booking.id)).toMatchObject({
      state: "needs_attention",
      attempts: 3,
      last_error: expect.any(String),
    });
    expect(await listAttention(t.store.db)).toEqual([
      expect.objectContaining({ bookingId: stuck.booking.id, state: LATE_MEETING_CHECK }),
    ]);
    const audit = await t.store.db
      .selectFrom("audit_events")
      .select("action")
      .where("booking_id", "=", stuck.booking.id)
      .execute();
    expect(audit.map((a) => a.action)).toContain("late-meeting.needs-attention");
    // Nothing picks it up any more, whatever the time.
    now += hour;
    expect((await reconcile()).errors).toBe(0);

    // The operator fixes the access policy and sends it back: it is deleted and watched to the end.
    t.emu.graph.faults.clear();
    expect(await retryAttention(t.store.db, stuck.booking.id, new Date(now), "test")).toBe(
      "queued",
    );
    expect((await reconcile()).lateMeetingsDeleted).toBe(1);
    await watchToTheEnd(stuck.booking.id);
    expect(graphKeys()).toEqual([]);
    expect(await listAttention(t.store.db)).toEqual([]);
  });
});

describe("a Teams delete that goes unanswered", () => {
  it("a change of type goes forward to the new meeting, and the watch deletes the old one", async () => {
    const teams = await booked("internal");
    const id = teams.booking.id;
    // Graph never answers the delete of the old meeting (and never carries it out).
    t.emu.graph.faults.add({ route: "DELETE /v1.0/users/", hang: true, count: 1 });
    const res = await changeType(id, teams.manageKey, "care");
    expect(res.statusCode).toBe(200);
    expect(await row(id)).toMatchObject({
      lifecycle: "active",
      service: "pexip",
      meeting_key: `${id}.r1`,
    });
    // Rolling back to the old meeting would have been wrong: its delete might still land.
    expect(graphKeys()).toEqual([id]);
    expect(await watch(id)).toMatchObject({ state: "watching" });
    expect((await reconcile()).lateMeetingsDeleted).toBe(1);
    expect(graphKeys()).toEqual([]);
    expect(t.emu.pexip.state().conferences).toHaveLength(1);
    await consistent();
    await watchToTheEnd(id);
  });

  it("a removal stays 'removing' (never back to active) and its retry finishes it", async () => {
    const teams = await booked("internal");
    const id = teams.booking.id;
    const oid = oidOf("anna");
    // Graph holds the delete past our deadline, then carries it out.
    t.emu.graph.faults.add({ route: `DELETE /v1.0/users/${oid}/`, latencyMs: LATE_MS, count: 1 });
    const remove = () =>
      t.app.inject({
        method: "DELETE",
        url: `/api/v1/meetings/${id}`,
        headers: { authorization: `Bearer ${token}`, "x-manage-key": teams.manageKey },
      });
    const first = await remove();
    expect(first.statusCode).toBe(504);
    expect(first.json().error.retryable).toBe(true);
    expect(await row(id)).toMatchObject({ lifecycle: "removing", lease_owner: null });
    await vi.waitFor(() => expect(graphKeys()).toEqual([]), { timeout: 30_000, interval: 50 });
    expect((await remove()).statusCode).toBe(204);
    expect((await row(id)).lifecycle).toBe("removed");
    await consistent();
  });

  it("a removal left 'removing' is finished by repair when nobody retries", async () => {
    const teams = await booked("internal");
    const id = teams.booking.id;
    t.emu.graph.faults.add({ route: "DELETE /v1.0/users/", hang: true, count: 1 });
    const res = await t.app.inject({
      method: "DELETE",
      url: `/api/v1/meetings/${id}`,
      headers: { authorization: `Bearer ${token}`, "x-manage-key": teams.manageKey },
    });
    expect(res.statusCode).toBe(504);
    expect((await reconcile()).repaired).toBe(1);
    expect((await row(id)).lifecycle).toBe("removed");
    expect(graphKeys()).toEqual([]);
    await consistent();
  });
});
