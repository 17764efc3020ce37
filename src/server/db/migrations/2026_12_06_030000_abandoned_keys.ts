// Frozen in time (Kysely docs): never import app types here, never edit after release.
// - abandoned_keys: meeting keys the service gave up on (a failed create, a rolled-back change of
//   type) while a provider call may still have been on its way. The late-meeting watch asks the
//   provider for each key again and again until it has been quiet long enough, deleting whatever
//   arrived late; a key listed here is never used for a meeting again.
// - The failed creates the old one-shot check had not yet looked at are carried over.
import { type Kysely, sql } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely's migration convention
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("abandoned_keys")
    .addColumn("meeting_key", "text", (c) => c.primaryKey())
    .addColumn("booking_id", "text", (c) => c.notNull())
    .addColumn("service", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("abandoned_at", "text", (c) => c.notNull())
    .addColumn("quiet_since", "text", (c) => c.notNull())
    .addColumn("next_check_at", "text")
    .addColumn("checks", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_error", "text")
    .addColumn("deleted", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("attention_at", "text")
    .execute();
  await db.schema
    .createIndex("abandoned_keys_due")
    .on("abandoned_keys")
    .columns(["state", "next_check_at"])
    .execute();
  await db.schema
    .createIndex("abandoned_keys_booking")
    .on("abandoned_keys")
    .column("booking_id")
    .execute();
  await sql`
    INSERT INTO abandoned_keys (meeting_key, booking_id, service, state, abandoned_at,
      quiet_since, next_check_at, checks, attempts, deleted)
    SELECT meeting_key, id, service, 'watching', updated_at, updated_at, updated_at, 0, 0, 0
    FROM bookings WHERE lifecycle = 'failed' AND verified_at IS NULL
  `.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("abandoned_keys").execute();
}
