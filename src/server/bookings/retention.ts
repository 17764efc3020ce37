// How long decryptable copies and removed bookings are kept (keep secrets only as long
// as they are needed):
// - the manageKey's replay copy in idempotency_records: until the replay window ends (minutes),
//   and not at all once the booking is removed;
// - the host PIN (sealed): until the meeting (the series) has ended;
// - a removed or failed booking's row (and its abandoned meeting keys): until the policy's
//   retention has passed.
import type { Kysely } from "kysely";
import { sql } from "kysely";
import type { Database } from "../db/tables";

type Db = Kysely<Database>;

/** The removed booking's Idempotency-Key record, with the sealed manageKey it holds. */
export async function forgetReplayCopy(
  db: Db,
  organizer: { oid: string; tid: string },
  bookingId: string,
): Promise<void> {
  await db
    .deleteFrom("idempotency_records")
    .where("organizer_oid", "=", organizer.oid)
    .where("organizer_tid", "=", organizer.tid)
    .where("booking_id", "=", bookingId)
    .execute();
}

/** Finished keys older than the replay window: a repeat after it is a new request. */
export async function purgeReplayCopies(db: Db, before: string): Promise<number> {
  const result = await db
    .deleteFrom("idempotency_records")
    .where("status", "=", "done")
    .where("created_at", "<", before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Host PINs of meetings (series) that have ended: nobody needs to start them any more. */
export async function dropEndedHostSecrets(db: Db, now: string): Promise<number> {
  const result = await db
    .updateTable("bookings")
    .set({ host_secret: null, pending_host_secret: null })
    .where(sql<string>`coalesce(series_end_at, end_at)`, "<=", now)
    .where((eb) =>
      eb.or([eb("host_secret", "is not", null), eb("pending_host_secret", "is not", null)]),
    )
    .where("lifecycle", "in", ["active", "removed", "failed"])
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Rows of bookings removed (or failed) longer ago than the retention, with their key records. */
export async function purgeRemovedBookings(db: Db, before: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const old = trx
      .selectFrom("bookings")
      .select("id")
      .where("lifecycle", "in", ["removed", "failed"])
      .where("updated_at", "<", before);
    await trx.deleteFrom("idempotency_records").where("booking_id", "in", old).execute();
    // Their abandoned keys: the watch ended long before (REPAIR_LATE_WATCH_MINUTES ≪ days).
    await trx.deleteFrom("abandoned_keys").where("booking_id", "in", old).execute();
    const result = await trx
      .deleteFrom("bookings")
      .where("lifecycle", "in", ["removed", "failed"])
      .where("updated_at", "<", before)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  });
}
