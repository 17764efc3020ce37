// What an operator sees of the bookings repair gave up on (and of the abandoned meeting keys
// whose late-meeting checks gave up), and how one is sent back to the queue. Ids, provider, state, attempts and an error code only: no personal data, no secrets.
import type { Kysely } from "kysely";
import { recordAudit } from "../bookings/audit.repository";
import { listNeedsAttention } from "../bookings/booking.repository";
import { listWatchAttention } from "../bookings/abandoned-keys.repository";
import type { Database } from "../db/tables";

export interface AttentionItem {
  bookingId: string;
  provider: string;
  /** Where the repair stood when it gave up: creating, changing, removing, failed or active. */
  state: string;
  attempts: number;
  lastError: string | null;
  since: string | null;
}

export const ADMIN_ACTOR = { oid: "admin", tid: "admin" } as const;

/** State of an abandoned meeting key whose late-meeting checks kept failing. */
export const LATE_MEETING_CHECK = "late-meeting-check";

export async function listAttention(db: Kysely<Database>, limit = 1_000): Promise<AttentionItem[]> {
  const rows = await listNeedsAttention(db, limit);
  const keys = await listWatchAttention(db, limit);
  return [
    ...rows.map((row) => ({
      bookingId: row.id,
      provider: row.pending_service ?? row.service,
      state: row.attention_from ?? "unknown",
      attempts: row.attempts,
      lastError: row.last_error,
      since: row.attention_at,
    })),
    ...keys.map((key) => ({
      bookingId: key.booking_id,
      provider: key.service,
      state: LATE_MEETING_CHECK,
      attempts: key.attempts,
      lastError: key.last_error,
      since: key.attention_at,
    })),
  ];
}

/** The booking's abandoned keys whose checks gave up go back to the watch, due now. */
async function retryWatches(db: Kysely<Database>, id: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable("abandoned_keys")
    .set({
      state: "watching",
      attempts: 0,
      attention_at: null,
      quiet_since: now.toISOString(),
      next_check_at: now.toISOString(),
    })
    .where("booking_id", "=", id)
    .where("state", "=", "needs_attention")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export type RetryResult = "queued" | "not_found" | "not_needing_attention" | "state_unknown";

/**
 * Puts the row back where repair left it, with its attempts at zero and due now, so the next
 * job pass (on any instance) tries again; if that fails often enough it comes back here.
 */
export async function retryAttention(
  db: Kysely<Database>,
  id: string,
  now: Date,
  instance: string,
): Promise<RetryResult> {
  const row = await db
    .selectFrom("bookings")
    .select(["lifecycle", "attention_from"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) return "not_found";
  const queued = async (): Promise<RetryResult> => {
    await recordAudit(
      db,
      { actor: ADMIN_ACTOR, action: "admin.retry", bookingId: id, outcome: "ok" },
      now.toISOString(),
      instance,
    );
    return "queued";
  };
  const watches = await retryWatches(db, id, now);
  if (row.lifecycle !== "needs_attention") {
    if (!watches) return "not_needing_attention";
    return queued();
  }
  // Guessing the direction of a half-done repair could delete a live meeting: an operator decides.
  if (row.attention_from === null) return "state_unknown";
  const result = await db
    .updateTable("bookings")
    .set({
      lifecycle: row.attention_from,
      attempts: 0,
      next_attempt_at: null,
      attention_at: null,
      attention_from: null,
      lease_owner: null,
      lease_until: null,
    })
    .where("id", "=", id)
    .where("lifecycle", "=", "needs_attention")
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return "not_needing_attention";
  return queued();
}
