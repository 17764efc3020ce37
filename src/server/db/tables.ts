// Row shapes of the store (Kysely). Times are ISO-8601 UTC strings as `Date#toISOString` writes
// them: they sort as text the same way on SQLite and PostgreSQL, so range queries are portable.
import type { Generated, Insertable, Selectable, Updateable } from "kysely";

/**
 * Where a booking is in its life. `creating`, `changing` and `removing` are intents written
 * before the provider call; reconcile repairs the ones whose lease ran out (a crash).
 */
export type Lifecycle =
  | "creating"
  | "active"
  | "changing"
  | "removing"
  | "removed"
  | "failed"
  /** Repair gave up after REPAIR_MAX_ATTEMPTS: an operator looks (npm run admin -- needs-attention). */
  | "needs_attention";

/** One booking. No subject, attendees, body or location: only the organizer's oid and tid. */
export interface BookingTable {
  id: string;
  organizer_oid: string;
  organizer_tid: string;
  type: string;
  service: string;
  start_at: string;
  end_at: string;
  series_end_at: string | null;
  lifecycle: Lifecycle;
  /** The id the provider meeting was made under (first the booking id; a new one per change-type). */
  meeting_key: string;
  /** ProviderRef JSON. */
  provider_ref: string | null;
  /** Guest JoinData JSON (what the invitation shows; not a secret). */
  join_data: string | null;
  /** HostSecret JSON, AES-256-GCM encrypted. */
  host_secret: string | null;
  /** HMAC-SHA256 of the manageKey, base64url. */
  manage_key_hash: string;
  pending_type: string | null;
  pending_service: string | null;
  pending_meeting_key: string | null;
  pending_ref: string | null;
  pending_join: string | null;
  pending_host_secret: string | null;
  /** When the cleanup job deletes the Pexip VMR (end of booking/series + grace); null for Teams. */
  cleanup_at: string | null;
  attempts: Generated<number>;
  next_attempt_at: string | null;
  /** Error code of the last failed job attempt (never a message: messages may hold data). */
  last_error: string | null;
  lease_owner: string | null;
  lease_until: string | null;
  verified_at: string | null;
  /** When a direct GET first found the meeting gone (reconcile confirms it a pass later). */
  missing_since: string | null;
  /** When repair gave up on the row. */
  attention_at: string | null;
  /** The lifecycle it had then (an operator's retry returns it there). */
  attention_from: Lifecycle | null;
  created_at: string;
  updated_at: string;
}
export type BookingRow = Selectable<BookingTable>;
export type NewBookingRow = Insertable<BookingTable>;
export type BookingPatch = Updateable<BookingTable>;

export type IdempotencyStatus = "pending" | "done" | "failed";

/** One `Idempotency-Key` per user. */
export interface IdempotencyTable {
  organizer_oid: string;
  organizer_tid: string;
  idem_key: string;
  request_hash: string;
  booking_id: string;
  status: IdempotencyStatus;
  /**
   * The manageKey, AES-256-GCM encrypted, so a retry that lost the first answer gets it again.
   * Purged with the record after IDEMPOTENCY_TTL_HOURS; bookings keep only the HMAC.
   */
  manage_key_enc: string | null;
  owner: string | null;
  created_at: string;
  expires_at: string;
}
export type IdempotencyRow = Selectable<IdempotencyTable>;

/** The audit trail: who (oid/tid or a job), what, which booking, outcome, when. */
export interface AuditTable {
  id: string;
  at: string;
  actor_oid: string;
  actor_tid: string;
  action: string;
  booking_id: string | null;
  outcome: string;
  instance: string;
}
export type AuditRow = Selectable<AuditTable>;

/** Leases of whole jobs (reconcile), so several instances never run one twice at once. */
export interface JobLeaseTable {
  name: string;
  owner: string | null;
  lease_until: string | null;
}

/** Provider calls of the background jobs per UTC minute ("2026-12-05T17:04"), all instances. */
export interface JobBudgetTable {
  minute: string;
  used: number;
}

export type WatchState = "watching" | "done" | "needs_attention";

/**
 * A meeting key the service gave up on while a provider call may still have been under way
 * (jobs/late-meeting-watch.ts). Never used for a meeting again, so whatever the provider holds
 * under it is a late leftover and is deleted.
 */
export interface AbandonedKeyTable {
  meeting_key: string;
  booking_id: string;
  service: string;
  state: WatchState;
  abandoned_at: string;
  /** The last time a call whose outcome we do not know went out for this key (ours included). */
  quiet_since: string;
  next_check_at: string | null;
  /** Clean checks so far (they space the next one out). */
  checks: Generated<number>;
  /** Failed checks in a row (back-off, then needs_attention). */
  attempts: Generated<number>;
  /** Error code of the last failed check (never a message). */
  last_error: string | null;
  /** Late meetings found and deleted under this key. */
  deleted: Generated<number>;
  attention_at: string | null;
}
export type AbandonedKeyRow = Selectable<AbandonedKeyTable>;

export interface Database {
  bookings: BookingTable;
  idempotency_records: IdempotencyTable;
  audit_events: AuditTable;
  job_leases: JobLeaseTable;
  job_budget: JobBudgetTable;
  abandoned_keys: AbandonedKeyTable;
}
