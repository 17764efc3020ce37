// What every booking operation is built from, and the small rules they share.
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import {
  type MeetingType,
  type MeetingTypeId,
  type Policy,
  type ServiceId,
  getMeetingType,
} from "../../shared";
import type { ManageKeys } from "../crypto/manage-key";
import type { SecretBox } from "../crypto/secret-box";
import type { Database } from "../db/tables";
import { AppError } from "../errors";
import type { MeetingWindow, VideoProvider } from "../providers/video-provider";
import { type AuditEvent, recordAudit } from "./audit.repository";

export type Providers = Partial<Record<ServiceId, VideoProvider>>;

export interface BookingDeps {
  db: Kysely<Database>;
  providers: Providers;
  policy: Policy;
  clock: () => Date;
  manageKeys: ManageKeys;
  box: SecretBox;
  instanceId: string;
  /** How long an operation's lease lasts; longer than any provider deadline. */
  leaseMs: number;
  idempotencyTtlMs: number;
  /** How long a repeat waits for the first request with the same Idempotency-Key. */
  idempotencyWaitMs: number;
  log: Pick<Logger, "warn" | "error" | "info">;
}

export function iso(date: Date): string {
  return date.toISOString();
}

export function later(date: Date, ms: number): string {
  return new Date(date.getTime() + ms).toISOString();
}

/** A lease owner per operation: two requests on one instance must not share a lease. */
export function newOwner(deps: BookingDeps): string {
  return `${deps.instanceId}:${randomUUID()}`;
}

export function requireType(policy: Policy, id: string): MeetingType {
  const type = getMeetingType(policy, id as MeetingTypeId);
  if (!type) throw new AppError("policy_violation", `meeting type ${id} is not offered`);
  return type;
}

export function providerFor(deps: BookingDeps, service: string): VideoProvider {
  const provider = deps.providers[service as ServiceId];
  if (!provider)
    throw new AppError("provider_unavailable", `no provider configured for ${service}`);
  return provider;
}

/** Pexip VMRs are deleted a grace time after the booking or series ends; Teams expires its own. */
export function cleanupAt(policy: Policy, service: string, window: MeetingWindow): string | null {
  if (service !== "pexip") return null;
  const last = window.seriesEnd ?? window.end;
  return later(last, policy.pexip.cleanupGraceMinutes * 60_000);
}

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
