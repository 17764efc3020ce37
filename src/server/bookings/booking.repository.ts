// One query per function (Kysely example style). Writes that belong to an operation in flight
// are conditional on the lease, so a job that took over a stale booking and the request that
// lost it can never both win.
import type { Kysely } from "kysely";
import type { BookingPatch, BookingRow, Database, Lifecycle, NewBookingRow } from "../db/tables";

type Db = Kysely<Database>;

export const TRANSITIONAL: Lifecycle[] = ["creating", "changing", "removing"];

/** The columns of a change-type in flight, cleared when it completes or is rolled back. */
export const NO_PENDING_CHANGE = {
  pending_type: null,
  pending_service: null,
  pending_meeting_key: null,
  pending_ref: null,
  pending_join: null,
  pending_host_secret: null,
} as const satisfies BookingPatch;

/** Lets go of the booking's lease. */
export const RELEASED = { lease_owner: null, lease_until: null } as const satisfies BookingPatch;

/** A repair that succeeded forgets the failures before it (and their back-off). */
export const REPAIR_CLEARED = {
  attempts: 0,
  next_attempt_at: null,
  last_error: null,
} as const satisfies BookingPatch;

export async function insertBooking(db: Db, row: NewBookingRow): Promise<void> {
  await db.insertInto("bookings").values(row).execute();
}

export async function findBooking(db: Db, id: string): Promise<BookingRow | undefined> {
  return db.selectFrom("bookings").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Applies `patch` only while `owner` holds the lease. */
export async function updateLeased(
  db: Db,
  id: string,
  owner: string,
  patch: BookingPatch,
): Promise<boolean> {
  const result = await db
    .updateTable("bookings")
    .set(patch)
    .where("id", "=", id)
    .where("lease_owner", "=", owner)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Takes the booking's lease if it is in one of `from` and nobody holds a live lease; applies
 * `patch` in the same statement (an intent, say lifecycle "changing"). Atomic on both stores.
 */
export async function claim(
  db: Db,
  id: string,
  options: { owner: string; until: string; now: string; from: Lifecycle[]; patch?: BookingPatch },
): Promise<boolean> {
  const result = await db
    .updateTable("bookings")
    .set({ ...options.patch, lease_owner: options.owner, lease_until: options.until })
    .where("id", "=", id)
    .where("lifecycle", "in", options.from)
    .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<", options.now)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Pexip bookings whose cleanup time has come and whose last failure has waited long enough. */
export async function listDueCleanup(db: Db, now: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom("bookings")
    .select("id")
    .where("lifecycle", "=", "active")
    .where("cleanup_at", "<=", now)
    .where((eb) => eb.or([eb("next_attempt_at", "is", null), eb("next_attempt_at", "<=", now)]))
    .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<", now)]))
    .orderBy("cleanup_at")
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** For the cleanup backlog gauge: active bookings past their cleanup time. */
export async function countCleanupBacklog(db: Db, now: string): Promise<number> {
  const row = await db
    .selectFrom("bookings")
    .select((eb) => eb.fn.countAll<string | number>().as("n"))
    .where("lifecycle", "=", "active")
    .where("cleanup_at", "<=", now)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Intents whose lease ran out (what a crash left half-done) and whose last failed repair has
 * waited long enough: a row that keeps failing is not due between attempts, so it never holds
 * the batch. Longest waiting first.
 */
export async function listStale(db: Db, now: string, limit: number): Promise<BookingRow[]> {
  return db
    .selectFrom("bookings")
    .selectAll()
    .where("lifecycle", "in", TRANSITIONAL)
    .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<", now)]))
    .where((eb) => eb.or([eb("next_attempt_at", "is", null), eb("next_attempt_at", "<=", now)]))
    .orderBy((eb) => eb.fn.coalesce("next_attempt_at", "updated_at"))
    .orderBy("id")
    .limit(limit)
    .execute();
}

/** Rows repair gave up on, oldest first (the admin command lists them). */
export async function listNeedsAttention(db: Db, limit: number): Promise<BookingRow[]> {
  return db
    .selectFrom("bookings")
    .selectAll()
    .where("lifecycle", "=", "needs_attention")
    .orderBy("attention_at")
    .orderBy("id")
    .limit(limit)
    .execute();
}

/** For the needs-attention gauge. */
export async function countNeedsAttention(db: Db): Promise<number> {
  const row = await db
    .selectFrom("bookings")
    .select((eb) => eb.fn.countAll<string | number>().as("n"))
    .where("lifecycle", "=", "needs_attention")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every booking that may own a remote meeting (reconcile compares them with the provider). */
export async function listLive(db: Db, service: string): Promise<BookingRow[]> {
  return db
    .selectFrom("bookings")
    .selectAll()
    .where((eb) => eb.or([eb("service", "=", service), eb("pending_service", "=", service)]))
    .where("lifecycle", "in", ["creating", "active", "changing", "removing"])
    .execute();
}

/** Active bookings of a service, least recently verified first. */
export async function listToVerify(db: Db, service: string, limit: number): Promise<BookingRow[]> {
  return db
    .selectFrom("bookings")
    .selectAll()
    .where("service", "=", service)
    .where("lifecycle", "=", "active")
    .orderBy((eb) => eb.fn.coalesce("verified_at", eb.val("")))
    .limit(limit)
    .execute();
}

export async function markVerified(db: Db, id: string, now: string): Promise<void> {
  await db.updateTable("bookings").set({ verified_at: now }).where("id", "=", id).execute();
}
