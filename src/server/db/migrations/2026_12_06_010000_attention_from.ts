// Frozen in time (Kysely docs): never import app types here, never edit after release.
// - bookings.attention_from: the lifecycle a row had when repair gave up on it, so an operator's
//   retry (npm run admin -- retry <id>) puts it back where the repair left off.
import type { Kysely } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely's migration convention
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable("bookings").addColumn("attention_from", "text").execute();
  await db.schema
    .createIndex("bookings_lifecycle_next_attempt")
    .on("bookings")
    .columns(["lifecycle", "next_attempt_at"])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex("bookings_lifecycle_next_attempt").execute();
  await db.schema.alterTable("bookings").dropColumn("attention_from").execute();
}
