// The same store suite on SQLite and on PostgreSQL (a fresh schema per run).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  claim,
  countCleanupBacklog,
  findBooking,
  insertBooking,
  listDueCleanup,
  listStale,
  updateLeased,
} from "../../../src/server/bookings/booking.repository";
import {
  findRecord,
  insertPending,
  markDone,
  markFailed,
  purgeExpired,
  takeOverFailed,
} from "../../../src/server/bookings/idempotency.repository";
import { listAudit, recordAudit } from "../../../src/server/bookings/audit.repository";
import { migrateToLatest } from "../../../src/server/db/migrate";
import type { NewBookingRow } from "../../../src/server/db/tables";
import { releaseJobLease, tryTakeJobLease } from "../../../src/server/jobs/job-lease.repository";
import { STORE_KINDS, openTestStore, type TestStore } from "../support/test-store";

const T0 = "2030-01-01T10:00:00.000Z";
const T1 = "2030-01-01T11:00:00.000Z";
const T2 = "2030-01-01T12:00:00.000Z";
let n = 0;

function booking(overrides: Partial<NewBookingRow> = {}): NewBookingRow {
  n += 1;
  const id = `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
  return {
    id,
    organizer_oid: "oid-1",
    organizer_tid: "tid-1",
    type: "care",
    service: "pexip",
    start_at: T0,
    end_at: T1,
    series_end_at: null,
    lifecycle: "active",
    meeting_key: id,
    manage_key_hash: "hash",
    created_at: T0,
    updated_at: T0,
    ...overrides,
  };
}

describe.each(STORE_KINDS)("store on %s", (kind) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(kind);
  });
  afterAll(() => store.drop());

  it("migrates again without change", async () => {
    await migrateToLatest(store.db);
    await migrateToLatest(store.db);
  });

  it("stores and reads a booking with its JSON columns", async () => {
    const row = booking({
      provider_ref: JSON.stringify({ service: "pexip", externalId: "7", data: {} }),
    });
    await insertBooking(store.db, row);
    const read = await findBooking(store.db, row.id);
    expect(read).toMatchObject({ ...row, attempts: 0, lease_owner: null });
    expect(await findBooking(store.db, "00000000-0000-4000-8000-ffffffffffff")).toBeUndefined();
  });

  it("a lease is taken once; only its owner writes under it; it can be taken after it ran out", async () => {
    const row = booking();
    await insertBooking(store.db, row);
    const opts = { now: T0, until: T1, from: ["active" as const] };
    expect(await claim(store.db, row.id, { ...opts, owner: "a" })).toBe(true);
    expect(await claim(store.db, row.id, { ...opts, owner: "b" })).toBe(false);
    expect(await updateLeased(store.db, row.id, "b", { type: "x" })).toBe(false);
    expect(await updateLeased(store.db, row.id, "a", { type: "information" })).toBe(true);
    expect(await claim(store.db, row.id, { ...opts, now: T2, owner: "b" })).toBe(true);
    expect(await claim(store.db, row.id, { ...opts, now: T2, owner: "c", from: ["removed"] })).toBe(
      false,
    );
  });

  it("twenty concurrent claims of one booking: exactly one wins", async () => {
    const row = booking();
    await insertBooking(store.db, row);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        claim(store.db, row.id, { owner: `o${i}`, now: T0, until: T1, from: ["active"] }),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("lists due cleanups and counts the backlog", async () => {
    const due = booking({ cleanup_at: T0 });
    const later = booking({ cleanup_at: "2031-01-01T00:00:00.000Z" });
    const retrying = booking({ cleanup_at: T0, next_attempt_at: "2031-01-01T00:00:00.000Z" });
    for (const row of [due, later, retrying]) await insertBooking(store.db, row);
    const ids = await listDueCleanup(store.db, T1, 100);
    expect(ids).toContain(due.id);
    expect(ids).not.toContain(later.id);
    expect(ids).not.toContain(retrying.id);
    expect(await countCleanupBacklog(store.db, T1)).toBeGreaterThanOrEqual(2);
  });

  it("lists intents whose lease ran out", async () => {
    const stale = booking({ lifecycle: "creating", lease_owner: "x", lease_until: T0 });
    const live = booking({ lifecycle: "creating", lease_owner: "y", lease_until: T2 });
    for (const row of [stale, live]) await insertBooking(store.db, row);
    const ids = (await listStale(store.db, T1, 100)).map((r) => r.id);
    expect(ids).toContain(stale.id);
    expect(ids).not.toContain(live.id);
  });

  it("an idempotency key is taken once per user; a failed one can be taken over", async () => {
    const rec = {
      organizer_oid: "oid-1",
      organizer_tid: "tid-1",
      idem_key: `key-${kind}`,
      request_hash: "h",
      booking_id: "b1",
      status: "pending" as const,
      manage_key_enc: null,
      owner: "a",
      created_at: T0,
      expires_at: T1,
    };
    const concurrent = await Promise.all(
      Array.from({ length: 10 }, () => insertPending(store.db, rec)),
    );
    expect(concurrent.filter(Boolean)).toHaveLength(1);
    expect(await insertPending(store.db, { ...rec, organizer_oid: "oid-2" })).toBe(true);
    const k = { oid: "oid-1", tid: "tid-1", key: rec.idem_key };
    expect(await takeOverFailed(store.db, k, "b2", "b", T2)).toBe(false);
    await markFailed(store.db, { oid: "oid-1", tid: "tid-1" }, "b1");
    // Only that organizer's record: another user's is left alone.
    const other = { oid: "oid-2", tid: "tid-1", key: rec.idem_key };
    expect(await findRecord(store.db, other)).toMatchObject({ status: "pending" });
    expect(await takeOverFailed(store.db, k, "b2", "b", T2)).toBe(true);
    await markDone(store.db, k, "b2", "sealed");
    expect(await findRecord(store.db, k)).toMatchObject({
      status: "done",
      booking_id: "b2",
      manage_key_enc: "sealed",
    });
    expect(await purgeExpired(store.db, "2031-01-01T00:00:00.000Z")).toBeGreaterThanOrEqual(1);
    expect(await findRecord(store.db, k)).toBeUndefined();
  });

  it("a job lease has one holder at a time", async () => {
    const name = `job-${kind}`;
    const taken = await Promise.all(
      ["a", "b", "c", "d"].map((owner) => tryTakeJobLease(store.db, name, owner, T0, T1)),
    );
    expect(taken.filter(Boolean)).toHaveLength(1);
    const holder = ["a", "b", "c", "d"][taken.indexOf(true)]!;
    await releaseJobLease(store.db, name, holder);
    expect(await tryTakeJobLease(store.db, name, "e", T0, T1)).toBe(true);
    expect(await tryTakeJobLease(store.db, name, "f", T2, T2)).toBe(true); // e's ran out
  });

  it("keeps an audit trail in order", async () => {
    await recordAudit(
      store.db,
      { actor: { oid: "o", tid: "t" }, action: "create", bookingId: "bx", outcome: "ok" },
      T0,
      "i1",
    );
    await recordAudit(
      store.db,
      {
        actor: { oid: "system", tid: "system" },
        action: "cleanup",
        bookingId: "bx",
        outcome: "provider_unavailable",
      },
      T1,
      "i2",
    );
    const rows = await listAudit(store.db, "bx");
    expect(rows.map((r) => [r.action, r.outcome, r.instance])).toEqual([
      ["create", "ok", "i1"],
      ["cleanup", "provider_unavailable", "i2"],
    ]);
  });
});
