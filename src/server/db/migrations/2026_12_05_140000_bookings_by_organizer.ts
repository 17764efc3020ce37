// Frozen in time (Kysely docs): never import app types here, never edit after release.
// The per-user quota counts a user's live bookings on every create: an index instead of a scan.
import type { Kysely } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely's migration convention
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex("bookings_by_organizer")
    .ifNotExists()
    .on("bookings")
    .columns(["organizer_tid", "organizer_oid", "lifecycle"])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex("bookings_by_organizer").ifExists().execute();
}
