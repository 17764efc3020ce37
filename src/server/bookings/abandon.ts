// Letting go of a meeting key: the booking row's new state and the key's watch are written in
// one transaction, so a key can never be dropped by the row without being watched (a provider
// call still on its way may make a meeting under it after we gave up; jobs/late-meeting-watch.ts
// finds and deletes it).
import type { BookingPatch } from "../db/tables";
import { ProviderError } from "../errors";
import type { Organizer, ProviderRef, VideoProvider } from "../providers/video-provider";
import type { BookingDeps } from "./deps";
import { abandonKey } from "./abandoned-keys.repository";
import { updateLeased } from "./booking.repository";
import { iso, later } from "./time";

export interface KeyLetGo {
  meetingKey: string;
  service: string;
  /**
   * The compensation just failed, so something may well be there: first check at the next
   * pass. Otherwise a lease from now, when every call made under the lease has ended.
   */
  checkNow?: boolean;
}

/**
 * Applies `patch` under the lease and, if that took, puts `key` under watch. Null `key`: nothing
 * was sent for it. False when the lease was lost (whoever holds it now owns the key).
 */
export async function updateAndAbandon(
  deps: BookingDeps,
  bookingId: string,
  owner: string,
  patch: BookingPatch,
  key: KeyLetGo | null,
  alsoInTransaction?: (trx: BookingDeps["db"]) => Promise<void>,
): Promise<boolean> {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    if (!(await updateLeased(trx, bookingId, owner, patch))) return false;
    if (key)
      await abandonKey(trx, {
        meetingKey: key.meetingKey,
        bookingId,
        service: key.service,
        at: iso(now),
        firstCheckAt: key.checkNow ? iso(now) : later(now, deps.leaseMs),
      });
    if (alsoInTransaction) await alsoInTransaction(trx);
    return true;
  });
}

/**
 * Deletes what may have been made under `meetingKey` (looked up when not `known`), now, best
 * effort: the error if that failed (the watch then checks the key at once), else null.
 */
export async function compensate(
  provider: VideoProvider,
  meetingKey: string,
  organizer: Organizer,
  known: ProviderRef | null,
): Promise<{ failed: unknown } | null> {
  try {
    const ref = known ?? (await provider.findByBookingId(meetingKey, organizer));
    if (ref) await provider.deleteMeeting(ref);
    return null;
  } catch (err) {
    return { failed: err };
  }
}

/**
 * Whether a failed provider call may still have been carried out: no answer at all (a timeout,
 * a dropped connection), a server error that can come after the work (500, 502, 504) or a
 * success we could not read. A refusal (4xx), a 429, a 503 and a check of ours before sending
 * say it was not.
 */
export function outcomeUnknown(err: unknown): boolean {
  if (!(err instanceof ProviderError)) return false;
  if (err.kind === "timeout") return true;
  if (err.status === undefined) return err.kind === "unavailable";
  return (err.status >= 200 && err.status < 300) || (err.status >= 500 && err.status !== 503);
}
