// Compares the store with the providers and repairs the difference: intents a crash left
// half-done, remote meetings no booking owns (orphans), and bookings whose meeting is gone
// (dangling). One instance at a time (a job lease); each booking is also claimed on its own.
import { type BookingDeps, newOwner } from "../bookings/deps";
import { audit } from "../bookings/audit";
import { iso, later } from "../bookings/time";
import { SYSTEM_ACTOR } from "../bookings/audit.repository";
import { claim, listStale, RELEASED, updateLeased } from "../bookings/booking.repository";
import { JobThrottled } from "./job-budget";
import { releaseJobLease, tryTakeJobLease } from "./job-lease.repository";
import { repairIntent } from "./repair-intent";
import { runLateMeetingWatch } from "./late-meeting-watch";
import { recordRepairFailure } from "./repair-backoff";
import { DEFAULT_REPAIR, type RepairSettings } from "./repair-settings";
import { reconcileService } from "./reconcile-service";
import {
  DEFAULT_RECONCILE,
  type ReconcileObserver,
  type ReconcileReport,
  type ReconcileSettings,
} from "./reconcile-settings";

export type { ReconcileReport } from "./reconcile-settings";

interface Pass {
  deps: BookingDeps;
  report: ReconcileReport;
  repair: RepairSettings;
  observer: ReconcileObserver;
}

async function repairStale({ deps, report, repair, observer }: Pass): Promise<void> {
  const now = deps.clock();
  for (const row of await listStale(deps.db, iso(now), repair.batch)) {
    const owner = newOwner(deps);
    const taken = await claim(deps.db, row.id, {
      owner,
      now: iso(now),
      until: later(now, deps.leaseMs),
      from: [row.lifecycle],
    });
    if (!taken) continue;
    try {
      const done = await repairIntent(deps, row, owner);
      report.repaired += 1;
      observer.decision(row.service, "repaired");
      await audit(deps, {
        actor: SYSTEM_ACTOR,
        action: `reconcile.${done}`,
        bookingId: row.id,
        outcome: "ok",
      });
    } catch (err) {
      if (err instanceof JobThrottled) {
        // The provider asked us to wait: not the row's fault, so no attempt is counted.
        await updateLeased(deps.db, row.id, owner, RELEASED);
        throw err;
      }
      report.errors += 1;
      // Lets go of the lease and waits its back-off: the rest of the batch goes on meanwhile.
      const outcome = await recordRepairFailure(deps, repair, observer, {
        row,
        err,
        owner,
        action: "reconcile.repair",
      });
      if (outcome === "needs_attention") report.needsAttention += 1;
    }
  }
}

/** Keys we gave up on may still get a meeting later (Teams cannot be listed): late-meeting-watch.ts. */
async function sweepLateMeetings({ deps, report, repair, observer }: Pass): Promise<void> {
  const watched = await runLateMeetingWatch(deps, repair, observer);
  report.lateMeetingsDeleted += watched.lateMeetingsDeleted;
  report.errors += watched.errors;
  report.needsAttention += watched.needsAttention;
}

export interface ReconcileOptions {
  settings?: Partial<ReconcileSettings>;
  repair?: Partial<RepairSettings>;
  observer?: ReconcileObserver;
}

const NO_OBSERVER: ReconcileObserver = { decision: () => undefined };

export async function runReconcile(
  deps: BookingDeps,
  options: ReconcileOptions = {},
): Promise<ReconcileReport> {
  const settings = { ...DEFAULT_RECONCILE, ...options.settings };
  const observer = options.observer ?? NO_OBSERVER;
  const report: ReconcileReport = {
    ran: false,
    repaired: 0,
    lateMeetingsDeleted: 0,
    orphansDeleted: 0,
    danglingRemoved: 0,
    needsAttention: 0,
    errors: 0,
  };
  const owner = newOwner(deps);
  const now = deps.clock();
  if (!(await tryTakeJobLease(deps.db, "reconcile", owner, iso(now), later(now, deps.leaseMs))))
    return report;
  report.ran = true;
  try {
    const pass: Pass = { deps, report, observer, repair: { ...DEFAULT_REPAIR, ...options.repair } };
    await repairStale(pass);
    await sweepLateMeetings(pass);
    for (const [service, provider] of Object.entries(deps.providers)) {
      if (!provider) continue;
      try {
        await reconcileService({ deps, service, provider, settings, observer, report });
      } catch (err) {
        if (err instanceof JobThrottled) throw err;
        report.errors += 1;
        deps.log.warn({ err, service }, "reconcile could not compare a provider with the store");
      }
    }
  } finally {
    await releaseJobLease(deps.db, "reconcile", owner);
  }
  return report;
}
