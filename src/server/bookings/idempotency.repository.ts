// Idempotency records: the primary key (user, key) is what makes "the same key from the same
// user returns the same booking" hold across instances.
import type { Kysely } from "kysely";
import type { Database, IdempotencyRow, IdempotencyTable } from "../db/tables";

type Db = Kysely<Database>;

export interface IdemKey {
  oid: string;
  tid: string;
  key: string;
}

function byKey(k: IdemKey) {
  return { organizer_oid: k.oid, organizer_tid: k.tid, idem_key: k.key };
}

/** Inserts a pending record; false when the key is already taken (by any instance). */
export async function insertPending(db: Db, row: IdempotencyTable): Promise<boolean> {
  const result = await db
    .insertInto("idempotency_records")
    .values(row)
    .onConflict((oc) => oc.columns(["organizer_oid", "organizer_tid", "idem_key"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function findRecord(db: Db, k: IdemKey): Promise<IdempotencyRow | undefined> {
  const where = byKey(k);
  return db
    .selectFrom("idempotency_records")
    .selectAll()
    .where("organizer_oid", "=", where.organizer_oid)
    .where("organizer_tid", "=", where.organizer_tid)
    .where("idem_key", "=", where.idem_key)
    .executeTakeFirst();
}

/** A failed attempt may be retried with the same key: one waiter takes the record over. */
export async function takeOverFailed(
  db: Db,
  k: IdemKey,
  bookingId: string,
  owner: string,
  expiresAt: string,
): Promise<boolean> {
  const where = byKey(k);
  const result = await db
    .updateTable("idempotency_records")
    .set({
      status: "pending",
      booking_id: bookingId,
      owner,
      manage_key_enc: null,
      expires_at: expiresAt,
    })
    .where("organizer_oid", "=", where.organizer_oid)
    .where("organizer_tid", "=", where.organizer_tid)
    .where("idem_key", "=", where.idem_key)
    .where("status", "=", "failed")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * A pending record whose attempt died (its booking row is gone, failed, or was never written by
 * an older version) is handed to a new attempt. Conditional on the booking id it pointed at, so
 * of two retries only one takes it.
 */
export async function takeOverPending(
  db: Db,
  k: IdemKey,
  from: { bookingId: string },
  to: { bookingId: string; owner: string; createdAt: string; expiresAt: string },
): Promise<boolean> {
  const where = byKey(k);
  const result = await db
    .updateTable("idempotency_records")
    .set({
      booking_id: to.bookingId,
      owner: to.owner,
      manage_key_enc: null,
      created_at: to.createdAt,
      expires_at: to.expiresAt,
    })
    .where("organizer_oid", "=", where.organizer_oid)
    .where("organizer_tid", "=", where.organizer_tid)
    .where("idem_key", "=", where.idem_key)
    .where("booking_id", "=", from.bookingId)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The retry that resumes a dead attempt's booking becomes the record's owner. */
export async function setOwner(db: Db, k: IdemKey, bookingId: string, owner: string) {
  const where = byKey(k);
  await db
    .updateTable("idempotency_records")
    .set({ owner })
    .where("organizer_oid", "=", where.organizer_oid)
    .where("organizer_tid", "=", where.organizer_tid)
    .where("idem_key", "=", where.idem_key)
    .where("booking_id", "=", bookingId)
    .where("status", "=", "pending")
    .execute();
}

/**
 * Pending records nobody will finish: older than `before` (a lease ago) and without a booking
 * row that could still be repaired. Written by a version that stored the record and the intent
 * separately, or left by a store restored from a backup.
 */
export async function purgeAbandonedPending(db: Db, before: string): Promise<number> {
  const result = await db
    .deleteFrom("idempotency_records")
    .where("status", "=", "pending")
    .where("created_at", "<", before)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("bookings")
            .select("bookings.id")
            .whereRef("bookings.id", "=", "idempotency_records.booking_id")
            .where("bookings.lifecycle", "in", ["creating", "active", "changing", "removing"]),
        ),
      ),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * The attempt succeeded: its record keeps the sealed manageKey for replays. Found by its primary
 * key (booking_id has no index: a lookup by it alone scans every record, ~0.5 ms per create with
 * ten thousand of them).
 */
export async function markDone(
  db: Db,
  k: IdemKey,
  bookingId: string,
  manageKeyEnc: string,
): Promise<boolean> {
  const where = byKey(k);
  const result = await db
    .updateTable("idempotency_records")
    .set({ status: "done", manage_key_enc: manageKeyEnc, owner: null })
    .where("organizer_oid", "=", where.organizer_oid)
    .where("organizer_tid", "=", where.organizer_tid)
    .where("idem_key", "=", where.idem_key)
    .where("booking_id", "=", bookingId)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * The attempt for this booking failed (and was compensated): the key may be used again. The
 * organizer narrows the search to that user's records (the primary key's prefix); the repair job
 * knows the booking and its organizer but not the key.
 */
export async function markFailed(
  db: Db,
  organizer: { oid: string; tid: string },
  bookingId: string,
): Promise<void> {
  await db
    .updateTable("idempotency_records")
    .set({ status: "failed", owner: null, manage_key_enc: null })
    .where("organizer_oid", "=", organizer.oid)
    .where("organizer_tid", "=", organizer.tid)
    .where("booking_id", "=", bookingId)
    .where("status", "=", "pending")
    .execute();
}

export async function purgeExpired(db: Db, now: string): Promise<number> {
  const result = await db
    .deleteFrom("idempotency_records")
    .where("expires_at", "<", now)
    .where("status", "!=", "pending")
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
