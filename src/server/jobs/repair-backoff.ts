// A repair that failed waits before its next attempt (exponential, capped) and, after the
// configured number of attempts, leaves the queue for an operator: lifecycle "needs_attention",
// counted in /metrics, written to the audit table, listed by `npm run admin -- needs-attention`.
// Only error codes are recorded, never messages (a message may carry data).
import type { BookingDeps } from "../bookings/deps";
import { audit, outcomeOf } from "../bookings/audit";
import { iso, later } from "../bookings/time";
import { SYSTEM_ACTOR } from "../bookings/audit.repository";
import { RELEASED, updateLeased } from "../bookings/booking.repository";
import type { BookingPatch, BookingRow } from "../db/tables";
import type { ReconcileObserver } from "./reconcile-settings";
import { type RepairSettings, repairDelayMs } from "./repair-settings";

export interface RepairFailure {
  row: BookingRow;
  err: unknown;
  /** The lease the job holds on the row; null when it took none (the write then checks the lifecycle). */
  owner: string | null;
  /** The audit action of the attempt, e.g. "reconcile.repair" or "cleanup". */
  action: string;
}

export type FailureOutcome = "retry_later" | "needs_attention";

export async function recordRepairFailure(
  deps: BookingDeps,
  settings: RepairSettings,
  observer: ReconcileObserver,
  failure: RepairFailure,
): Promise<FailureOutcome> {
  const { row, owner } = failure;
  const code = outcomeOf(failure.err);
  const attempts = row.attempts + 1;
  const now = deps.clock();
  const givenUp = attempts >= settings.maxAttempts;
  const patch: BookingPatch = givenUp
    ? {
        attempts,
        last_error: code,
        next_attempt_at: null,
        lifecycle: "needs_attention",
        attention_at: iso(now),
        attention_from: row.lifecycle,
        ...RELEASED,
      }
    : {
        attempts,
        last_error: code,
        next_attempt_at: later(now, repairDelayMs(settings, attempts)),
        ...RELEASED,
      };
  const written =
    owner === null
      ? Number(
          (
            await deps.db
              .updateTable("bookings")
              .set(patch)
              .where("id", "=", row.id)
              .where("lifecycle", "=", row.lifecycle)
              .executeTakeFirst()
          ).numUpdatedRows,
        ) === 1
      : await updateLeased(deps.db, row.id, owner, patch);
  await audit(deps, {
    actor: SYSTEM_ACTOR,
    action: failure.action,
    bookingId: row.id,
    outcome: code,
  });
  observer.decision(row.service, "repair_failed");
  if (!givenUp || !written) {
    deps.log.warn(
      { err: failure.err, bookingId: row.id, code, attempts },
      "a repair failed; it is retried after a pause",
    );
    return "retry_later";
  }
  observer.decision(row.service, "needs_attention");
  await audit(deps, {
    actor: SYSTEM_ACTOR,
    action: "repair.needs-attention",
    bookingId: row.id,
    outcome: code,
  });
  deps.log.error(
    { bookingId: row.id, service: row.service, from: row.lifecycle, code, attempts },
    "repair gave up on a booking after its last attempt; see npm run admin -- needs-attention",
  );
  return "needs_attention";
}
