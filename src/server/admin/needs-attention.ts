// What an operator sees of the bookings repair gave up on, and how one is sent back to the
// queue. Ids, provider, state, attempts and an error code only: no personal data, no secrets.
import type { Kysely } from "kysely";
import { recordAudit } from "../bookings/audit.repository";
import { listNeedsAttention } from "../bookings/booking.repository";
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

export async function listAttention(db: Kysely<Database>, limit = 1_000): Promise<AttentionItem[]> {
  const rows = await listNeedsAttention(db, limit);
  return rows.map((row) => ({
    bookingId: row.id,
    provider: row.pending_service ?? row.service,
    state: row.attention_from ?? "unknown",
    attempts: row.attempts,
    lastError: row.last_error,
    since: row.attention_at,
  }));
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
  if (row.lifecycle !== "needs_attention") return "not_needing_attention";
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
  await recordAudit(
    db,
    { actor: ADMIN_ACTOR, action: "admin.retry", bookingId: id, outcome: "ok" },
    now.toISOString(),
    instance,
  );
  return "queued";
}
