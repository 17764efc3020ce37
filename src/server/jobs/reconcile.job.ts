// Compares the store with the providers and repairs the difference: intents a crash left
// half-done, remote meetings no booking owns (orphans), and bookings whose meeting is gone
// (dangling). One instance at a time (a job lease); each booking is also claimed on its own.
import type { BookingDeps } from "../bookings/context";
import { audit, iso, later, newOwner, outcomeOf } from "../bookings/context";
import { SYSTEM_ACTOR } from "../bookings/audit.repository";
import {
  claim,
  listFailedUnverified,
  listStale,
  markVerified,
  updateLeased,
} from "../bookings/booking.repository";
import { organizerOf } from "../bookings/booking.mapper";
import { releaseJobLease, tryTakeJobLease } from "./job-lease.repository";
import { repairIntent } from "./repair-intent";
import { reconcileService } from "./reconcile-service";
import {
  DEFAULT_RECONCILE,
  type ReconcileObserver,
  type ReconcileReport,
  type ReconcileSettings,
} from "./reconcile-settings";

export type { ReconcileReport } from "./reconcile-settings";

async function repairStale(deps: BookingDeps, report: ReconcileReport): Promise<void> {
  const now = deps.clock();
  for (const row of await listStale(deps.db, iso(now), 100)) {
    const owner = newOwner(deps);
    const taken = await claim(deps.db, row.id, {
      owner,
      now: iso(now),
      until: later(now, deps.leaseMs),
      from: [row.lifecycle],
    });
    if (!taken) continue;
    try {
      const repair = await repairIntent(deps, row, owner);
      report.repaired += 1;
      await audit(deps, {
        actor: SYSTEM_ACTOR,
        action: `reconcile.${repair}`,
        bookingId: row.id,
        outcome: "ok",
      });
    } catch (err) {
      report.errors += 1;
      // Let go at once so the next run (on any instance) tries again.
      await updateLeased(deps.db, row.id, owner, { lease_owner: null, lease_until: null });
      deps.log.warn(
        { err, bookingId: row.id },
        "reconcile could not repair an intent; next run retries",
      );
      await audit(deps, {
        actor: SYSTEM_ACTOR,
        action: "reconcile.repair",
        bookingId: row.id,
        outcome: outcomeOf(err),
      });
    }
  }
}

/** A create we gave up on may still have finished remotely afterwards (Teams cannot be listed). */
async function sweepLateMeetings(deps: BookingDeps, report: ReconcileReport): Promise<void> {
  const now = deps.clock();
  const settled = new Date(now.getTime() - deps.leaseMs).toISOString();
  for (const row of await listFailedUnverified(deps.db, settled, 100)) {
    const provider = deps.providers[row.service as keyof typeof deps.providers];
    if (!provider) continue;
    try {
      const ref = await provider.findByBookingId(row.meeting_key, organizerOf(row));
      if (ref) {
        await provider.deleteMeeting(ref);
        report.lateMeetingsDeleted += 1;
        await audit(deps, {
          actor: SYSTEM_ACTOR,
          action: "reconcile.late-meeting",
          bookingId: row.id,
          outcome: "ok",
        });
      }
      await markVerified(deps.db, row.id, iso(deps.clock()));
    } catch (err) {
      report.errors += 1;
      deps.log.warn({ err, bookingId: row.id }, "reconcile could not check a failed create");
    }
  }
}

export interface ReconcileOptions {
  settings?: Partial<ReconcileSettings>;
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
    errors: 0,
  };
  const owner = newOwner(deps);
  const now = deps.clock();
  if (!(await tryTakeJobLease(deps.db, "reconcile", owner, iso(now), later(now, deps.leaseMs))))
    return report;
  report.ran = true;
  try {
    await repairStale(deps, report);
    await sweepLateMeetings(deps, report);
    for (const [service, provider] of Object.entries(deps.providers)) {
      if (!provider) continue;
      try {
        await reconcileService({ deps, service, provider, settings, observer, report });
      } catch (err) {
        report.errors += 1;
        deps.log.warn({ err, service }, "reconcile could not compare a provider with the store");
      }
    }
  } finally {
    await releaseJobLease(deps.db, "reconcile", owner);
  }
  return report;
}
