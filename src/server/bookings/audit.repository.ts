// The audit trail for the privacy officer: who (oid/tid, or "system" for jobs), what, which
// booking, outcome (an error code, never a message), when. No personal data beyond oid/tid.
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { AuditRow, Database } from "../db/tables";

export interface AuditEvent {
  actor: { oid: string; tid: string };
  action: string;
  bookingId: string | null;
  outcome: string;
}

export const SYSTEM_ACTOR = { oid: "system", tid: "system" } as const;

export async function recordAudit(
  db: Kysely<Database>,
  event: AuditEvent,
  at: string,
  instance: string,
): Promise<void> {
  await db
    .insertInto("audit_events")
    .values({
      id: randomUUID(),
      at,
      actor_oid: event.actor.oid,
      actor_tid: event.actor.tid,
      action: event.action,
      booking_id: event.bookingId,
      outcome: event.outcome,
      instance,
    })
    .execute();
}

export async function listAudit(db: Kysely<Database>, bookingId?: string): Promise<AuditRow[]> {
  let query = db.selectFrom("audit_events").selectAll().orderBy("at").orderBy("id");
  if (bookingId !== undefined) query = query.where("booking_id", "=", bookingId);
  return query.execute();
}
