// The store reads and writes reconcile needs beyond the booking repository's.
import type { Kysely } from "kysely";
import type { Database, Lifecycle } from "../db/tables";

type Db = Kysely<Database>;

/**
 * Lifecycles whose meeting is over for good: a `failed` create is never resumed (a retry with
 * its Idempotency-Key makes a new booking under a new meeting key) and a `removed` booking never
 * comes back, so no request will ever record or hand out a room named after either.
 */
export const FINISHED: readonly Lifecycle[] = ["failed", "removed"];

/**
 * The meeting keys among `keys` that a booking row still protects on `service`: its current key
 * on its service and its pending key on the pending service (a change of type may make the new
 * meeting on another provider under the next key), in any lifecycle but a finished one (active,
 * in flight, or held for an operator). A key on another service protects nothing here.
 */
export async function protectedMeetingKeys(
  db: Db,
  service: string,
  keys: string[],
): Promise<Set<string>> {
  const held = new Set<string>();
  // Chunks keep each statement's parameter list well under SQLite's and PostgreSQL's limits.
  for (let i = 0; i < keys.length; i += 500) {
    const chunk = keys.slice(i, i + 500);
    const rows = await db
      .selectFrom("bookings")
      .select(["service", "meeting_key", "pending_service", "pending_meeting_key"])
      .where((eb) =>
        eb.or([
          eb.and([eb("meeting_key", "in", chunk), eb("service", "=", service)]),
          eb.and([eb("pending_meeting_key", "in", chunk), eb("pending_service", "=", service)]),
        ]),
      )
      .where("lifecycle", "not in", [...FINISHED])
      .execute();
    for (const row of rows) {
      if (row.service === service) held.add(row.meeting_key);
      if (row.pending_service === service && row.pending_meeting_key !== null)
        held.add(row.pending_meeting_key);
    }
  }
  return held;
}

export async function setMissingSince(db: Db, id: string, at: string | null): Promise<void> {
  await db.updateTable("bookings").set({ missing_since: at }).where("id", "=", id).execute();
}
