// The store reads and writes reconcile needs beyond the booking repository's.
import type { Kysely } from "kysely";
import type { Database } from "../db/tables";

type Db = Kysely<Database>;

/** The meeting keys among `keys` that any booking row holds, in any state. */
export async function knownMeetingKeys(db: Db, keys: string[]): Promise<Set<string>> {
  const known = new Set<string>();
  // Chunks keep each statement's parameter list well under SQLite's and PostgreSQL's limits.
  for (let i = 0; i < keys.length; i += 500) {
    const chunk = keys.slice(i, i + 500);
    const rows = await db
      .selectFrom("bookings")
      .select(["meeting_key", "pending_meeting_key"])
      .where((eb) =>
        eb.or([eb("meeting_key", "in", chunk), eb("pending_meeting_key", "in", chunk)]),
      )
      .execute();
    for (const row of rows) {
      known.add(row.meeting_key);
      if (row.pending_meeting_key !== null) known.add(row.pending_meeting_key);
    }
  }
  return known;
}

export async function setMissingSince(db: Db, id: string, at: string | null): Promise<void> {
  await db.updateTable("bookings").set({ missing_since: at }).where("id", "=", id).execute();
}
