// What a crash left half-done, finished in the direction that leaves exactly one meeting per
// live booking: a create is undone; a removal is finished; a type change goes back to the old
// meeting while it exists and forward to the recorded new one once the old is gone.
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

export type Repair =
  "create-undone" | "remove-finished" | "change-rolled-back" | "change-completed";

async function undoCreate(deps: BookingDeps, row: BookingRow, owner: string): Promise<Repair> {
  const provider = getProvider(deps.providers, row.service);
  const ref =
    parseRef(row.provider_ref) ??
    (await provider.findByBookingId(row.meeting_key, organizerOf(row)));
  if (ref) await provider.deleteMeeting(ref);
  const now = iso(deps.clock());
  await updateLeased(deps.db, row.id, owner, {
    lifecycle: "failed",
    verified_at: null,
    ...REPAIR_CLEARED,
    ...RELEASED,
    updated_at: now,
  });
  await markFailed(deps.db, organizerOf(row), row.id);
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
  const oldRef = parseRef(row.provider_ref);
  const oldProvider = getProvider(deps.providers, row.service);
  const oldExists = oldRef ? (await oldProvider.getMeeting(oldRef)).exists : false;
  const pendingRef = parseRef(row.pending_ref);
  if (!oldExists && pendingRef) {
    await completeChange(deps, row, owner);
    return "change-completed";
  }
  if (row.pending_service && row.pending_meeting_key) {
    const newProvider = getProvider(deps.providers, row.pending_service);
    const ref =
      pendingRef ?? (await newProvider.findByBookingId(row.pending_meeting_key, organizerOf(row)));
    if (ref) await newProvider.deleteMeeting(ref);
  }
  await updateLeased(deps.db, row.id, owner, {
    lifecycle: "active",
    ...NO_PENDING_CHANGE,
    ...REPAIR_CLEARED,
    ...RELEASED,
    updated_at: iso(deps.clock()),
  });
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
