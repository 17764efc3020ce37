// Recording what an operation did, without letting a lost audit row fail the operation.
import { AppError } from "../errors";
import { type AuditEvent, recordAudit } from "./audit.repository";
import type { BookingDeps } from "./deps";
import { iso } from "./time";

export async function audit(deps: BookingDeps, event: AuditEvent): Promise<void> {
  try {
    await recordAudit(deps.db, event, iso(deps.clock()), deps.instanceId);
  } catch (err) {
    // The operation itself succeeded; a lost audit row must not turn it into an error.
    deps.log.error({ err, action: event.action, bookingId: event.bookingId }, "audit write failed");
  }
}

/** The error code an audit row records for a failure (never its message). */
export function outcomeOf(err: unknown): string {
  if (err instanceof AppError) return err.code;
  if (err && typeof err === "object" && "toCode" in err && typeof err.toCode === "function")
    return String(err.toCode());
  return "internal";
}
