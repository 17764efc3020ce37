// Frozen in time (Kysely docs): never import app types here, never edit after release.
// - bookings.missing_since: when a direct GET first answered 404 for the booking's meeting;
//   reconcile marks it dangling only after a second 404 a while later.
// - bookings.attention_at: when repair gave up on the row (lifecycle "needs_attention").
// - job_budget: provider calls the background jobs made per UTC minute, across all instances.
import type { Kysely } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely's migration convention
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable("bookings").addColumn("missing_since", "text").execute();
  await db.schema.alterTable("bookings").addColumn("attention_at", "text").execute();
  await db.schema
    .createTable("job_budget")
    .addColumn("minute", "text", (c) => c.primaryKey())
    .addColumn("used", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex("bookings_pending_meeting_key")
    .on("bookings")
    .column("pending_meeting_key")
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex("bookings_pending_meeting_key").execute();
  await db.schema.dropTable("job_budget").execute();
  await db.schema.alterTable("bookings").dropColumn("attention_at").execute();
  await db.schema.alterTable("bookings").dropColumn("missing_since").execute();
}
