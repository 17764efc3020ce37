// Deletes each Pexip VMR a grace time (policy, default 60 min) after its booking or series
// ends, retrying failures with growing pauses until an operator must look (repair-backoff.ts).
// Each booking is claimed with a lease first, so several instances never delete a VMR twice.
import { type BookingDeps, newOwner } from "../bookings/deps";
import { audit } from "../bookings/audit";
import { iso, later } from "../bookings/time";
import { getProvider } from "../providers/registry";
import { SYSTEM_ACTOR } from "../bookings/audit.repository";
import {
  RELEASED,
  REPAIR_CLEARED,
  claim,
  findBooking,
  listDueCleanup,
  updateLeased,
} from "../bookings/booking.repository";
import { parseRef } from "../bookings/booking.mapper";
import { purgeAbandonedPending, purgeExpired } from "../bookings/idempotency.repository";
import { JobThrottled } from "./job-budget";
import { releaseJobLease, tryTakeJobLease } from "./job-lease.repository";
import type { ReconcileObserver } from "./reconcile-settings";
import { recordRepairFailure } from "./repair-backoff";
import { DEFAULT_REPAIR, type RepairSettings, repairDelayMs } from "./repair-settings";

export interface CleanupReport {
  deleted: number;
  failed: number;
  /** Rooms cleanup gave up on in this pass (lifecycle "needs_attention"). */
  needsAttention: number;
  purgedIdempotencyRecords: number;
  /** Pending Idempotency-Keys nobody will finish (no live booking, older than a lease). */
  expiredPendingKeys: number;
}

export interface CleanupOptions {
  /** Bookings one pass looks at; default the repair batch. */
  batch?: number;
  repair?: Partial<RepairSettings>;
  observer?: ReconcileObserver;
}

/** 1, 2, 4 … minutes, at most 6 hours between attempts (the default repair back-off). */
export function retryDelayMs(attempts: number): number {
  return repairDelayMs(DEFAULT_REPAIR, attempts);
}

/** One instance cleans up at a time (a job lease), so the budget is not spent twice. */
export async function runCleanup(
  deps: BookingDeps,
  options: CleanupOptions = {},
): Promise<CleanupReport> {
  const owner = newOwner(deps);
  const now = deps.clock();
  if (!(await tryTakeJobLease(deps.db, "cleanup", owner, iso(now), later(now, deps.leaseMs))))
    return {
      deleted: 0,
      failed: 0,
      needsAttention: 0,
      purgedIdempotencyRecords: 0,
      expiredPendingKeys: 0,
    };
  try {
    const repair = { ...DEFAULT_REPAIR, ...options.repair };
    return await cleanupPass(deps, {
      batch: options.batch ?? repair.batch,
      repair,
      observer: options.observer ?? { decision: () => undefined },
    });
  } finally {
    await releaseJobLease(deps.db, "cleanup", owner);
  }
}

async function cleanupPass(
  deps: BookingDeps,
  {
    batch,
    repair,
    observer,
  }: { batch: number; repair: RepairSettings; observer: ReconcileObserver },
): Promise<CleanupReport> {
  const report: CleanupReport = {
    deleted: 0,
    failed: 0,
    needsAttention: 0,
    purgedIdempotencyRecords: 0,
    expiredPendingKeys: 0,
  };
  const now = deps.clock();
  for (const id of await listDueCleanup(deps.db, iso(now), batch)) {
    const owner = newOwner(deps);
    const taken = await claim(deps.db, id, {
      owner,
      now: iso(now),
      until: later(now, deps.leaseMs),
      from: ["active"],
    });
    if (!taken) continue; // another instance has it, or it changed since we listed it
    const row = await findBooking(deps.db, id);
    const ref = parseRef(row?.provider_ref ?? null);
    if (!row || row.cleanup_at === null || row.cleanup_at > iso(now) || !ref) {
      await updateLeased(deps.db, id, owner, { lease_owner: null, lease_until: null });
      continue;
    }
    try {
      await getProvider(deps.providers, row.service).deleteMeeting(ref);
    } catch (err) {
      if (err instanceof JobThrottled) {
        // The provider asked us to wait: not the row's fault, so no attempt is counted.
        await updateLeased(deps.db, id, owner, RELEASED);
        throw err;
      }
      const outcome = await recordRepairFailure(deps, repair, observer, {
        row,
        err,
        owner,
        action: "cleanup",
      });
      report.failed += 1;
      if (outcome === "needs_attention") report.needsAttention += 1;
      continue;
    }
    await updateLeased(deps.db, id, owner, {
      lifecycle: "removed",
      host_secret: null,
      ...REPAIR_CLEARED,
      ...RELEASED,
      updated_at: iso(deps.clock()),
    });
    await audit(deps, { actor: SYSTEM_ACTOR, action: "cleanup", bookingId: id, outcome: "ok" });
    report.deleted += 1;
  }
  report.purgedIdempotencyRecords = await purgeExpired(deps.db, iso(now));
  report.expiredPendingKeys = await purgeAbandonedPending(
    deps.db,
    iso(new Date(now.getTime() - deps.leaseMs)),
  );
  return report;
}
