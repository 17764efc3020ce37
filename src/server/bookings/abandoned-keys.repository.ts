// The meeting keys the service gave up on (db/tables.ts AbandonedKeyTable): written in the same
// transaction as the booking row that lets go of the key, read by the late-meeting watch.
import type { Kysely } from "kysely";
import type { AbandonedKeyRow, Database, WatchState } from "../db/tables";
import { parseMeetingKey } from "../providers/meeting-key";

type Db = Kysely<Database>;

export interface Abandoned {
  meetingKey: string;
  bookingId: string;
  service: string;
  /** Now, ISO. */
  at: string;
  /** The first check, ISO: a lease from now, when every call made under the lease has ended. */
  firstCheckAt: string;
}

/**
 * Puts the key under watch. A key abandoned again (a repair after a failed rollback) starts its
 * quiet time over.
 */
export async function abandonKey(db: Db, key: Abandoned): Promise<void> {
  const watch = {
    state: "watching" as const,
    quiet_since: key.at,
    next_check_at: key.firstCheckAt,
    attempts: 0,
    last_error: null,
    attention_at: null,
  };
  await db
    .insertInto("abandoned_keys")
    .values({
      meeting_key: key.meetingKey,
      booking_id: key.bookingId,
      service: key.service,
      abandoned_at: key.at,
      ...watch,
    })
    .onConflict((oc) => oc.column("meeting_key").doUpdateSet(watch))
    .execute();
}

/** The highest revision among the booking's abandoned keys (0 when none): never used again. */
export async function highestAbandonedRevision(db: Db, bookingId: string): Promise<number> {
  const rows = await db
    .selectFrom("abandoned_keys")
    .select("meeting_key")
    .where("booking_id", "=", bookingId)
    .execute();
  return Math.max(0, ...rows.map((r) => parseMeetingKey(r.meeting_key)?.revision ?? 0));
}

/** Keys whose next check is due, longest waiting first. */
export async function listDueWatches(
  db: Db,
  now: string,
  limit: number,
): Promise<AbandonedKeyRow[]> {
  return db
    .selectFrom("abandoned_keys")
    .selectAll()
    .where("state", "=", "watching")
    .where("next_check_at", "<=", now)
    .orderBy("next_check_at")
    .orderBy("meeting_key")
    .limit(limit)
    .execute();
}

export type WatchPatch = Partial<
  Pick<
    AbandonedKeyRow,
    | "state"
    | "quiet_since"
    | "next_check_at"
    | "checks"
    | "attempts"
    | "last_error"
    | "deleted"
    | "attention_at"
  >
>;

/** Applies `patch` while the key is still in `from` (an operator may have moved it meanwhile). */
export async function updateWatch(
  db: Db,
  key: string,
  from: WatchState,
  patch: WatchPatch,
): Promise<boolean> {
  const result = await db
    .updateTable("abandoned_keys")
    .set(patch)
    .where("meeting_key", "=", key)
    .where("state", "=", from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Keys whose checks kept failing, oldest first (the admin command lists them). */
export async function listWatchAttention(db: Db, limit: number): Promise<AbandonedKeyRow[]> {
  return db
    .selectFrom("abandoned_keys")
    .selectAll()
    .where("state", "=", "needs_attention")
    .orderBy("attention_at")
    .orderBy("meeting_key")
    .limit(limit)
    .execute();
}

/** For the needs-attention gauge. */
export async function countWatchAttention(db: Db): Promise<number> {
  const row = await db
    .selectFrom("abandoned_keys")
    .select((eb) => eb.fn.countAll<string | number>().as("n"))
    .where("state", "=", "needs_attention")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
