// Frozen in time (Kysely docs): never import app types here, never edit after release.
// Only portable types: text, integer; times as ISO text.
import type { Kysely } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely's migration convention
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("bookings")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organizer_oid", "text", (c) => c.notNull())
    .addColumn("organizer_tid", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("service", "text", (c) => c.notNull())
    .addColumn("start_at", "text", (c) => c.notNull())
    .addColumn("end_at", "text", (c) => c.notNull())
    .addColumn("series_end_at", "text")
    .addColumn("lifecycle", "text", (c) => c.notNull())
    .addColumn("meeting_key", "text", (c) => c.notNull().unique())
    .addColumn("provider_ref", "text")
    .addColumn("join_data", "text")
    .addColumn("host_secret", "text")
    .addColumn("manage_key_hash", "text", (c) => c.notNull())
    .addColumn("pending_type", "text")
    .addColumn("pending_service", "text")
    .addColumn("pending_meeting_key", "text")
    .addColumn("pending_ref", "text")
    .addColumn("pending_join", "text")
    .addColumn("pending_host_secret", "text")
    .addColumn("cleanup_at", "text")
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text")
    .addColumn("last_error", "text")
    .addColumn("lease_owner", "text")
    .addColumn("lease_until", "text")
    .addColumn("verified_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("bookings_cleanup")
    .on("bookings")
    .columns(["lifecycle", "cleanup_at"])
    .execute();
  await db.schema
    .createIndex("bookings_lease")
    .on("bookings")
    .columns(["lifecycle", "lease_until"])
    .execute();

  await db.schema
    .createTable("idempotency_records")
    .addColumn("organizer_oid", "text", (c) => c.notNull())
    .addColumn("organizer_tid", "text", (c) => c.notNull())
    .addColumn("idem_key", "text", (c) => c.notNull())
    .addColumn("request_hash", "text", (c) => c.notNull())
    .addColumn("booking_id", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("manage_key_enc", "text")
    .addColumn("owner", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("idempotency_records_pk", [
      "organizer_oid",
      "organizer_tid",
      "idem_key",
    ])
    .execute();
  await db.schema
    .createIndex("idempotency_expiry")
    .on("idempotency_records")
    .column("expires_at")
    .execute();

  await db.schema
    .createTable("audit_events")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor_oid", "text", (c) => c.notNull())
    .addColumn("actor_tid", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("booking_id", "text")
    .addColumn("outcome", "text", (c) => c.notNull())
    .addColumn("instance", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("audit_booking").on("audit_events").column("booking_id").execute();
  await db.schema.createIndex("audit_at").on("audit_events").column("at").execute();

  await db.schema
    .createTable("job_leases")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("owner", "text")
    .addColumn("lease_until", "text")
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of ["job_leases", "audit_events", "idempotency_records", "bookings"]) {
    await db.schema.dropTable(table).execute();
  }
}
