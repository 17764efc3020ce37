// The late-meeting watch: a meeting key the service gave up on (a failed create, a rolled-back
// change of type) may still get a meeting after we looked, because a call we stopped waiting for
// was still on its way (Graph answers a createOrGet after our deadline, a timed-out attempt
// lands later). Graph cannot list an application's meetings, but createOrGet by externalId finds
// one (tenant + organizer + externalId), so each key is asked again and again, and whatever is
// there is deleted, until the key has been quiet for REPAIR_LATE_WATCH_MINUTES.
//
// Why it cannot delete a live meeting: an abandoned key is never used for a meeting again
// (change-type takes the next revision past every abandoned one; a failed booking is never
// revived), and each check also makes sure the booking row does not name the key.
// Why it always removes a late meeting: the watch ends only after a clean check made once the
// key has been quiet for the whole watch time; a check that fails (our own lookup may land
// late too) starts the quiet time over, backs off, and after REPAIR_MAX_ATTEMPTS in a row goes to
// needs_attention (metric + audit + `npm run admin -- needs-attention`) without holding others.
import type { BookingDeps } from "../bookings/deps";
import { audit, outcomeOf } from "../bookings/audit";
import { iso, later } from "../bookings/time";
import { SYSTEM_ACTOR } from "../bookings/audit.repository";
import { findBooking } from "../bookings/booking.repository";
import { organizerOf } from "../bookings/booking.mapper";
import {
  type WatchPatch,
  listDueWatches,
  updateWatch,
} from "../bookings/abandoned-keys.repository";
import type { AbandonedKeyRow, BookingRow } from "../db/tables";
import type { Organizer, VideoProvider } from "../providers/video-provider";
import { getProvider } from "../providers/registry";
import { JobThrottled } from "./job-budget";
import type { ReconcileObserver } from "./reconcile-settings";
import { type RepairSettings, repairDelayMs } from "./repair-settings";

/** Meetings one check deletes under a key before it leaves the rest to the next check. */
const MAX_FOUND_PER_CHECK = 5;

export interface LateWatchReport {
  checked: number;
  lateMeetingsDeleted: number;
  finished: number;
  errors: number;
  needsAttention: number;
}

interface Watch {
  deps: BookingDeps;
  repair: RepairSettings;
  observer: ReconcileObserver;
  report: LateWatchReport;
}

/** A key is watched at least this long after its last unknown call, whatever is configured. */
export function watchTimeMs(deps: Pick<BookingDeps, "leaseMs">, repair: RepairSettings): number {
  return Math.max(repair.lateWatchMs, 2 * deps.leaseMs);
}

/** Whether the booking still uses the key (then it is not ours to delete under). */
function inUse(row: BookingRow, key: string): boolean {
  if (row.pending_meeting_key === key) return true;
  return row.meeting_key === key && row.lifecycle !== "failed" && row.lifecycle !== "removed";
}

/**
 * Finds and deletes what the provider holds under `key`; true when it ended on "nothing there".
 * Graph's createOrGet finds the first of several meetings with one externalId (a plain create
 * may repeat one), so it asks again after each deletion.
 */
async function sweepKey(
  provider: VideoProvider,
  key: string,
  organizer: Organizer,
): Promise<{ deleted: number; clean: boolean }> {
  let deleted = 0;
  while (deleted < MAX_FOUND_PER_CHECK) {
    const ref = await provider.findByBookingId(key, organizer);
    if (!ref) return { deleted, clean: true };
    await provider.deleteMeeting(ref);
    deleted += 1;
  }
  return { deleted, clean: false };
}

/** The next check after a clean one: a lease, doubling, capped, and never past the quiet end. */
function nextCheckAt(watch: Watch, row: AbandonedKeyRow, checks: number, now: Date): string {
  const { deps, repair } = watch;
  const step = Math.min(deps.leaseMs * 2 ** Math.min(checks - 1, 30), repair.maxDelayMs);
  const quietEnd = Date.parse(row.quiet_since) + watchTimeMs(deps, repair);
  return iso(new Date(Math.min(now.getTime() + step, Math.max(quietEnd, now.getTime()))));
}

async function recordDeleted(watch: Watch, row: AbandonedKeyRow, count: number): Promise<void> {
  watch.report.lateMeetingsDeleted += count;
  for (let i = 0; i < count; i += 1) {
    watch.observer.decision(row.service, "late_meeting_deleted");
    await audit(watch.deps, {
      actor: SYSTEM_ACTOR,
      action: "reconcile.late-meeting",
      bookingId: row.booking_id,
      outcome: "ok",
    });
  }
  watch.deps.log.warn(
    { bookingId: row.booking_id, service: row.service, deleted: count },
    "deleted a meeting a provider made after the service had given up on it",
  );
}

async function finish(watch: Watch, row: AbandonedKeyRow, patch: WatchPatch): Promise<void> {
  await updateWatch(watch.deps.db, row.meeting_key, "watching", {
    ...patch,
    state: "done",
    next_check_at: null,
  });
  watch.report.finished += 1;
}

async function checkKey(watch: Watch, row: AbandonedKeyRow): Promise<void> {
  const { deps } = watch;
  const booking = await findBooking(deps.db, row.booking_id);
  if (!booking) return finish(watch, row, {});
  if (inUse(booking, row.meeting_key)) {
    // Cannot happen while keys are never reused; if it does, the booking's meeting wins.
    deps.log.error(
      { bookingId: row.booking_id },
      "an abandoned meeting key is in use again; the watch leaves it alone",
    );
    return finish(watch, row, {});
  }
  const provider = getProvider(deps.providers, row.service);
  const { deleted, clean } = await sweepKey(provider, row.meeting_key, organizerOf(booking));
  if (deleted > 0) await recordDeleted(watch, row, deleted);
  const now = deps.clock();
  const quiet = now.getTime() - Date.parse(row.quiet_since) >= watchTimeMs(deps, watch.repair);
  const total = { deleted: row.deleted + deleted, attempts: 0, last_error: null };
  if (clean && quiet) return finish(watch, row, { ...total, checks: row.checks + 1 });
  // Something turned up: look again soon, as at the start.
  const checks = deleted > 0 || !clean ? 1 : row.checks + 1;
  await updateWatch(deps.db, row.meeting_key, "watching", {
    ...total,
    checks,
    next_check_at: nextCheckAt(watch, row, checks, now),
  });
}

async function recordFailure(watch: Watch, row: AbandonedKeyRow, err: unknown): Promise<void> {
  const { deps, repair, observer } = watch;
  const code = outcomeOf(err);
  const attempts = row.attempts + 1;
  const now = deps.clock();
  const givenUp = attempts >= repair.maxAttempts;
  // Our own lookup may reach the provider late as well: the quiet time starts over.
  const failed = { attempts, last_error: code, quiet_since: iso(now) };
  const patch: WatchPatch = givenUp
    ? { ...failed, state: "needs_attention", next_check_at: null, attention_at: iso(now) }
    : { ...failed, next_check_at: later(now, repairDelayMs(repair, attempts)) };
  await updateWatch(deps.db, row.meeting_key, "watching", patch);
  watch.report.errors += 1;
  observer.decision(row.service, "repair_failed");
  await audit(deps, {
    actor: SYSTEM_ACTOR,
    action: "reconcile.late-meeting",
    bookingId: row.booking_id,
    outcome: code,
  });
  if (!givenUp) {
    deps.log.warn(
      { err, bookingId: row.booking_id, code, attempts },
      "a late-meeting check failed; it is retried after a pause",
    );
    return;
  }
  watch.report.needsAttention += 1;
  observer.decision(row.service, "needs_attention");
  await audit(deps, {
    actor: SYSTEM_ACTOR,
    action: "late-meeting.needs-attention",
    bookingId: row.booking_id,
    outcome: code,
  });
  deps.log.error(
    { bookingId: row.booking_id, service: row.service, code, attempts },
    "the late-meeting watch gave up on a key after its last attempt; see npm run admin -- needs-attention",
  );
}

/**
 * One pass over the due keys (reconcile runs it under its job lease). A 429 ends the pass
 * (JobThrottled) without counting against the key.
 */
export async function runLateMeetingWatch(
  deps: BookingDeps,
  repair: RepairSettings,
  observer: ReconcileObserver,
): Promise<LateWatchReport> {
  const report: LateWatchReport = {
    checked: 0,
    lateMeetingsDeleted: 0,
    finished: 0,
    errors: 0,
    needsAttention: 0,
  };
  const watch: Watch = { deps, repair, observer, report };
  for (const row of await listDueWatches(deps.db, iso(deps.clock()), repair.batch)) {
    report.checked += 1;
    try {
      await checkKey(watch, row);
    } catch (err) {
      if (err instanceof JobThrottled) throw err;
      await recordFailure(watch, row, err);
    }
  }
  return report;
}
