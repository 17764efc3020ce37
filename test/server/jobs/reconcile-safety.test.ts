// Reconcile cannot delete a live meeting: a listing that shifts while it is paged touches no live
// booking, a young tagged room and a room without our tag are never deleted, a live or in-flight
// booking's room is kept while a failed or removed one's goes once old, orphans go a few per
// pass, and dry-run mode changes nothing. The clock is the test's: no waiting for ages or passes.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_POLICY, getMeetingType } from "../../../src/shared";
import { runReconcile } from "../../../src/server/jobs/reconcile.job";
import type { ReconcileDecision } from "../../../src/server/jobs/reconcile-settings";
import type { MeetingType } from "../../../src/shared";
import type { Lifecycle } from "../../../src/server/db/tables";
import { startTestApp, type TestApp } from "../support/test-app";

const CONF = "/api/admin/configuration/v1/conference/";
const hour = 3_600_000;
let now = Date.now();
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ app: { clock: () => new Date(now) } });
});
afterAll(() => t.close());
beforeEach(async () => {
  now = Date.now();
  t.emu.pexip.reset();
  await t.store.db.deleteFrom("bookings").execute();
  await t.store.db.deleteFrom("audit_events").execute();
});

const care = getMeetingType(DEFAULT_POLICY, "care") as MeetingType;
const LIFECYCLES: Lifecycle[] = [
  "creating",
  "active",
  "changing",
  "removing",
  "removed",
  "failed",
  "needs_attention",
];
const organizer = { oid: "00000000-0000-4000-8000-00000000a001", tid: "t" };

/** A room made by our provider, with (or without) its active booking row. */
async function room(withBooking: boolean): Promise<{ id: string; externalId: string }> {
  const id = randomUUID();
  const start = new Date(now + 24 * hour);
  const window = { start, end: new Date(start.getTime() + hour), seriesEnd: null };
  const made = await t.providers.pexip!.createMeeting({
    bookingId: id,
    type: care,
    policy: DEFAULT_POLICY,
    window,
    organizer,
  });
  if (withBooking) {
    const at = new Date(now - hour).toISOString();
    await t.store.db
      .insertInto("bookings")
      .values({
        id,
        organizer_oid: organizer.oid,
        organizer_tid: organizer.tid,
        type: "care",
        service: "pexip",
        start_at: start.toISOString(),
        end_at: window.end.toISOString(),
        series_end_at: null,
        lifecycle: "active",
        meeting_key: id,
        provider_ref: JSON.stringify(made.ref),
        join_data: JSON.stringify(made.join),
        host_secret: null,
        manage_key_hash: "x",
        pending_type: null,
        pending_service: null,
        pending_meeting_key: null,
        pending_ref: null,
        pending_join: null,
        pending_host_secret: null,
        cleanup_at: null,
        next_attempt_at: null,
        last_error: null,
        lease_owner: null,
        lease_until: null,
        verified_at: null,
        missing_since: null,
        attention_at: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
  }
  return { id, externalId: made.ref.externalId };
}

async function pexipApi(method: string, path: string, body?: object): Promise<Response> {
  const auth = Buffer.from("svm-api:dev-password-not-for-production").toString("base64");
  return fetch(`${t.emu.pexip.url}${path}`, {
    method,
    headers: { authorization: `Basic ${auth}`, "content-type": "application/json" },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
}

const activeCount = async () =>
  (await t.store.db.selectFrom("bookings").select("id").where("lifecycle", "=", "active").execute())
    .length;

function recorder() {
  const seen: ReconcileDecision[] = [];
  return { seen, observer: { decision: (_s: string, d: ReconcileDecision) => seen.push(d) } };
}

describe("reconcile cannot delete a live meeting", { timeout: 120_000 }, () => {
  it("a listing that shifts while it is paged touches no live booking", async () => {
    const rooms: Array<{ id: string; externalId: string }> = [];
    for (let i = 0; i < 620; i++) rooms.push(await room(true));
    // The first page is slow; meanwhile users remove 120 meetings at the front of the list.
    await t.emu.pexip.faults.add({ route: `GET ${CONF}`, latencyMs: 300, count: 1 });
    now += 2 * hour;
    const pass = runReconcile(t.app.bookingDeps);
    const removed = rooms.slice(0, 120);
    for (const r of removed) {
      await t.store.db
        .updateTable("bookings")
        .set({ lifecycle: "removed", updated_at: new Date(now).toISOString() })
        .where("id", "=", r.id)
        .execute();
      await pexipApi("DELETE", `${CONF}${r.externalId}/`);
    }
    const first = await pass;
    now += 2 * 60_000;
    const second = await runReconcile(t.app.bookingDeps);
    // A room listed before its user removed it may be deleted again (a 404: already gone);
    // every live booking keeps its room.
    for (const report of [first, second])
      expect(report).toMatchObject({ danglingRemoved: 0, errors: 0 });
    expect(first.orphansDeleted + second.orphansDeleted).toBeLessThanOrEqual(removed.length);
    expect(await activeCount()).toBe(500);
    const left = new Set(t.emu.pexip.state().conferences.map((c) => String(c.id)));
    expect(left).toEqual(new Set(rooms.slice(120).map((r) => r.externalId)));
  });

  it("a young tagged room and a room without our tag are never deleted", async () => {
    const young = await room(false);
    const res = await pexipApi("POST", CONF, {
      name: "someone-elses-room",
      service_type: "conference",
      tag: "another-system",
    });
    expect(res.status).toBe(201);
    const { seen, observer } = recorder();
    const first = await runReconcile(t.app.bookingDeps, { observer });
    expect(first.orphansDeleted).toBe(0);
    expect(seen).toContain("orphan_too_young");
    expect(t.emu.pexip.state().conferences).toHaveLength(2);
    // An hour on, the tagged room nobody booked goes; the other system's room stays.
    now += hour + 60_000;
    expect((await runReconcile(t.app.bookingDeps, { observer })).orphansDeleted).toBe(1);
    const left = t.emu.pexip.state().conferences.map((c) => c.name);
    expect(left).toEqual(["someone-elses-room"]);
    expect(seen).toContain("orphan_deleted");
    expect(young.externalId).not.toBe("");
  });

  it("a live or in-flight booking's room is kept, a failed or removed one's goes once old", async () => {
    const rooms = new Map<Lifecycle, { id: string; externalId: string }>();
    for (const lifecycle of LIFECYCLES) {
      const r = await room(true);
      const inFlight = ["creating", "changing", "removing"].includes(lifecycle);
      await t.store.db
        .updateTable("bookings")
        .set({
          lifecycle,
          // In flight: its request still holds the lease (repair must not take it over here).
          ...(inFlight
            ? { lease_owner: "req", lease_until: new Date(now + 3 * hour).toISOString() }
            : {}),
          // Checked for a late room already: this one came after that check.
          ...(lifecycle === "failed" ? { verified_at: new Date(now).toISOString() } : {}),
        })
        .where("id", "=", r.id)
        .execute();
      rooms.set(lifecycle, r);
    }
    // The new meeting of a change of type in flight: named by the booking's pending key.
    const changing = rooms.get("changing")!;
    const pendingKey = `${changing.id}.r1`;
    const pendingRoom = await t.providers.pexip!.createMeeting({
      bookingId: pendingKey,
      type: care,
      policy: DEFAULT_POLICY,
      window: { start: new Date(now + 24 * hour), end: new Date(now + 25 * hour), seriesEnd: null },
      organizer,
    });
    await t.store.db
      .updateTable("bookings")
      .set({ pending_meeting_key: pendingKey, pending_service: "pexip", pending_type: "care" })
      .where("id", "=", changing.id)
      .execute();
    // A Pexip room named after a key its booking now holds on Teams (a change of type that
    // went to Teams under the key of an earlier, rolled-back change to Pexip): not its meeting.
    const movedOn = await room(true);
    await t.store.db
      .updateTable("bookings")
      .set({ service: "teams", type: "internal", provider_ref: null })
      .where("id", "=", movedOn.id)
      .execute();
    const names = () => new Set(t.emu.pexip.state().conferences.map((c) => String(c.id)));

    // Young: nothing goes, not even the rooms of finished bookings.
    const young = await runReconcile(t.app.bookingDeps);
    expect(young.orphansDeleted).toBe(0);
    expect(names().size).toBe(LIFECYCLES.length + 2);

    now += hour + 60_000;
    const { seen, observer } = recorder();
    const old = await runReconcile(t.app.bookingDeps, { observer });
    expect(old.orphansDeleted).toBe(3);
    expect(seen.filter((d) => d === "orphan_deleted")).toHaveLength(3);
    const left = names();
    expect(left.has(movedOn.externalId)).toBe(false);
    expect(left.has(rooms.get("failed")!.externalId)).toBe(false);
    expect(left.has(rooms.get("removed")!.externalId)).toBe(false);
    for (const lifecycle of LIFECYCLES.filter((l) => l !== "failed" && l !== "removed"))
      expect(left.has(rooms.get(lifecycle)!.externalId), lifecycle).toBe(true);
    expect(left.has(pendingRoom.ref.externalId)).toBe(true);
  });

  it("deletes at most N orphans per pass, and nothing in dry-run mode", async () => {
    for (let i = 0; i < 25; i++) await room(false);
    now += 2 * hour;
    const { seen, observer } = recorder();
    const dry = await runReconcile(t.app.bookingDeps, {
      observer,
      settings: { dryRun: true, maxOrphansPerPass: 20 },
    });
    expect(dry.orphansDeleted).toBe(0);
    expect(seen.filter((d) => d === "orphan_would_delete")).toHaveLength(20);
    expect(t.emu.pexip.state().conferences).toHaveLength(25);
    const audited = await t.store.db
      .selectFrom("audit_events")
      .select(["action", "outcome"])
      .where("action", "=", "reconcile.orphan-would-delete")
      .execute();
    expect(audited).toHaveLength(20);
    expect(new Set(audited.map((a) => a.outcome))).toEqual(new Set(["dry-run"]));

    const settings = { maxOrphansPerPass: 20 };
    expect((await runReconcile(t.app.bookingDeps, { settings })).orphansDeleted).toBe(20);
    expect((await runReconcile(t.app.bookingDeps, { settings })).orphansDeleted).toBe(5);
    expect(t.emu.pexip.state().conferences).toEqual([]);
  });

  it("a meeting that comes back after the first 404 is not marked removed", async () => {
    const r = await room(true);
    // Gone for a moment (an operator's mistake, then a restore): the first pass only suspects.
    await pexipApi("DELETE", `${CONF}${r.externalId}/`);
    const { seen, observer } = recorder();
    await runReconcile(t.app.bookingDeps, { observer });
    expect(seen).toEqual(["missing_suspected"]);
    // It is back (a restored room: the booking now points at it).
    const again = await room(false);
    await t.store.db
      .updateTable("bookings")
      .set({
        provider_ref: JSON.stringify({
          service: "pexip",
          externalId: again.externalId,
          data: { name: `svm-${again.id}` },
        }),
        meeting_key: again.id,
      })
      .where("id", "=", r.id)
      .execute();
    now += 2 * 60_000;
    await runReconcile(t.app.bookingDeps, { observer });
    expect(seen).toContain("missing_recovered");
    expect(await activeCount()).toBe(1);
  });
});
