// What a crash left half-done, finished in the direction that leaves exactly one meeting per
// live booking: a create is undone; a removal is finished; a type change goes back to the old
// meeting until the new one is recorded and forward to the recorded new one after that (the
// old one's delete may be on its way by then).
import type { BookingRow } from "../db/tables";
import type { BookingDeps } from "../bookings/deps";
import { iso } from "../bookings/time";
import { getProvider } from "../providers/registry";
import {
  NO_PENDING_CHANGE,
  RELEASED,
  REPAIR_CLEARED,
  updateLeased,
} from "../bookings/booking.repository";
import { organizerOf, parseRef } from "../bookings/booking.mapper";
import { markFailed } from "../bookings/idempotency.repository";
import { completeChange } from "../bookings/change-type";
import { compensate, updateAndAbandon } from "../bookings/abandon";
import { JobThrottled } from "./job-budget";

export type Repair =
  "create-undone" | "remove-finished" | "change-rolled-back" | "change-completed";

/** A compensation that failed is left to the late-meeting watch; a 429 ends the pass. */
function noteLeft(deps: BookingDeps, row: BookingRow, left: { failed: unknown } | null): void {
  if (!left) return;
  if (left.failed instanceof JobThrottled) throw left.failed;
  deps.log.warn(
    { err: left.failed, bookingId: row.id },
    "a crash's meeting could not be deleted now; the late-meeting watch takes it over",
  );
}

/**
 * A create a crash cut off: the meeting it made is looked up and deleted now, and its key goes
 * under the late-meeting watch in the same write as the row's "failed" (a lookup now can miss a
 * create the provider finishes later; the watch keeps looking, and takes over a failed lookup).
 */
async function undoCreate(deps: BookingDeps, row: BookingRow, owner: string): Promise<Repair> {
  const provider = getProvider(deps.providers, row.service);
  const left = await compensate(
    provider,
    row.meeting_key,
    organizerOf(row),
    parseRef(row.provider_ref),
  );
  noteLeft(deps, row, left);
  await updateAndAbandon(
    deps,
    row.id,
    owner,
    {
      lifecycle: "failed",
      verified_at: null,
      ...REPAIR_CLEARED,
      ...RELEASED,
      updated_at: iso(deps.clock()),
    },
    { meetingKey: row.meeting_key, service: row.service, checkNow: left !== null },
    (trx) => markFailed(trx, organizerOf(row), row.id),
  );
  return "create-undone";
}

async function finishRemove(deps: BookingDeps, row: BookingRow, owner: string): Promise<Repair> {
  const ref = parseRef(row.provider_ref);
  if (ref) await getProvider(deps.providers, row.service).deleteMeeting(ref);
  await updateLeased(deps.db, row.id, owner, {
    lifecycle: "removed",
    host_secret: null,
    cleanup_at: null,
    ...REPAIR_CLEARED,
    ...RELEASED,
    updated_at: iso(deps.clock()),
  });
  return "remove-finished";
}

async function repairChange(deps: BookingDeps, row: BookingRow, owner: string): Promise<Repair> {
  const pendingRef = parseRef(row.pending_ref);
  if (pendingRef) {
    // The new meeting was made and recorded, so the old one's delete may have been sent and
    // still be on its way: going back could leave the booking with no meeting. Forward; an old
    // meeting still there goes under the late-meeting watch, which deletes it.
    const oldRef = parseRef(row.provider_ref);
    const oldProvider = getProvider(deps.providers, row.service);
    const oldExists = oldRef ? (await oldProvider.getMeeting(oldRef)).exists : false;
    await completeChange(deps, row, owner, oldExists);
    return "change-completed";
  }
  // Back to the old meeting: the new one is deleted now (looked up if not recorded) and its key
  // is watched, since a createOrGet still under way can make it again later.
  const newProvider = row.pending_service ? getProvider(deps.providers, row.pending_service) : null;
  const left =
    newProvider && row.pending_meeting_key
      ? await compensate(newProvider, row.pending_meeting_key, organizerOf(row), pendingRef)
      : null;
  noteLeft(deps, row, left);
  await updateAndAbandon(
    deps,
    row.id,
    owner,
    {
      lifecycle: "active",
      ...NO_PENDING_CHANGE,
      ...REPAIR_CLEARED,
      ...RELEASED,
      updated_at: iso(deps.clock()),
    },
    row.pending_service && row.pending_meeting_key
      ? {
          meetingKey: row.pending_meeting_key,
          service: row.pending_service,
          checkNow: left !== null,
        }
      : null,
  );
  return "change-rolled-back";
}

/** Runs with the row's lease held by `owner`. */
export async function repairIntent(
  deps: BookingDeps,
  row: BookingRow,
  owner: string,
): Promise<Repair | null> {
  switch (row.lifecycle) {
    case "creating":
      return undoCreate(deps, row, owner);
    case "removing":
      return finishRemove(deps, row, owner);
    case "changing":
      return repairChange(deps, row, owner);
    default:
      return null;
  }
}
