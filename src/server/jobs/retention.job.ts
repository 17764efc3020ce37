// The retention job: runs with the cleanup interval and removes what is no longer needed
// (bookings/retention.ts says what and why). Idempotent, so several instances may run it.
import type { BookingDeps } from "../bookings/deps";
import { iso } from "../bookings/time";
import {
  dropEndedHostSecrets,
  purgeRemovedBookings,
  purgeReplayCopies,
} from "../bookings/retention";

export interface RetentionReport {
  replayCopies: number;
  hostSecrets: number;
  removedBookings: number;
}

const DAY_MS = 86_400_000;

export async function runRetention(
  deps: Pick<BookingDeps, "db" | "clock" | "policy">,
  options: { replayWindowMs: number },
): Promise<RetentionReport> {
  const now = deps.clock().getTime();
  const days = deps.policy.retention.removedBookingDays;
  return {
    replayCopies: await purgeReplayCopies(deps.db, iso(new Date(now - options.replayWindowMs))),
    hostSecrets: await dropEndedHostSecrets(deps.db, iso(new Date(now))),
    removedBookings: await purgeRemovedBookings(deps.db, iso(new Date(now - days * DAY_MS))),
  };
}
