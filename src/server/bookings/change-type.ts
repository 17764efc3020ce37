// Välj om mötestyp: the new meeting is created before the old one is deleted, so a failure at
// any step leaves one working meeting, the one the store points at. The new meeting gets its own
// meeting key (Teams' externalId would otherwise hand back the old meeting).
import type { MeetingType } from "../../shared";
import type { BookingRow } from "../db/tables";
import { meetingKey, parseMeetingKey } from "../providers/meeting-key";
import type {
  CreatedMeeting,
  Organizer,
  ProviderRef,
  VideoProvider,
} from "../providers/video-provider";
import {
  NO_PENDING_CHANGE,
  RELEASED,
  REPAIR_CLEARED,
  findBooking,
  updateLeased,
} from "./booking.repository";
import { organizerOf, parseRef, sealHost, windowOf } from "./booking.mapper";
import type { BookingDeps } from "./deps";
import { audit, outcomeOf } from "./audit";
import { cleanupAt, iso } from "./time";
import { getProvider } from "../providers/registry";
import { AppError } from "../errors";
import { newCallScope, runInCallScope } from "../http";
import { compensate, outcomeUnknown, updateAndAbandon } from "./abandon";
import { highestAbandonedRevision } from "./abandoned-keys.repository";
import { NOTHING_SENT } from "./create-booking";

/**
 * Deletes the half-made new meeting and puts the booking back to its old meeting. The new key
 * goes under the late-meeting watch in the same write: a createOrGet Graph still works on (or
 * answered after our deadline) makes its meeting later, and one look now cannot see it. If the
 * store write fails the lease is dropped so reconcile finishes the job.
 */
export async function rollBackChange(
  deps: BookingDeps,
  row: BookingRow,
  owner: string,
  provider: VideoProvider,
  pendingKey: string,
  made: ProviderRef | null | typeof NOTHING_SENT,
): Promise<void> {
  const left =
    made === NOTHING_SENT ? null : await compensate(provider, pendingKey, organizerOf(row), made);
  if (left)
    deps.log.warn(
      { err: left.failed, bookingId: row.id },
      "the half-made meeting of a change of type could not be removed now; the late-meeting watch will",
    );
  try {
    await updateAndAbandon(
      deps,
      row.id,
      owner,
      { lifecycle: "active", ...NO_PENDING_CHANGE, ...RELEASED },
      made === NOTHING_SENT
        ? null
        : { meetingKey: pendingKey, service: provider.service, checkNow: left !== null },
    );
  } catch (err) {
    deps.log.warn({ err, bookingId: row.id }, "change-type rollback failed; reconcile will repair");
    await updateLeased(deps.db, row.id, owner, { lease_until: new Date(0).toISOString() }).catch(
      () => undefined,
    );
  }
}

/**
 * The key of the booking's next meeting: one revision past the current one and past every key
 * abandoned before (a late meeting may still turn up under those, and the watch deletes it).
 */
export async function nextMeetingKey(deps: BookingDeps, row: BookingRow): Promise<string> {
  const current = parseMeetingKey(row.meeting_key)?.revision ?? 0;
  const abandoned = await highestAbandonedRevision(deps.db, row.id);
  return meetingKey(row.id, Math.max(current, abandoned) + 1);
}

/**
 * Switches the row to the recorded new meeting. The old one is gone, or (`oldLeft`) its delete
 * went unanswered: then the old key goes under the late-meeting watch in the same write, which
 * deletes the old meeting if it is still there.
 */
export async function completeChange(
  deps: BookingDeps,
  row: BookingRow,
  owner: string,
  oldLeft = false,
): Promise<boolean> {
  const service = row.pending_service ?? row.service;
  const oldKey = oldLeft
    ? { meetingKey: row.meeting_key, service: row.service, checkNow: true }
    : null;
  return updateAndAbandon(
    deps,
    row.id,
    owner,
    {
      type: row.pending_type ?? row.type,
      service,
      meeting_key: row.pending_meeting_key ?? row.meeting_key,
      provider_ref: row.pending_ref,
      join_data: row.pending_join,
      host_secret: row.pending_host_secret,
      cleanup_at: cleanupAt(deps.policy, service, windowOf(row)),
      ...NO_PENDING_CHANGE,
      ...REPAIR_CLEARED,
      lifecycle: "active",
      ...RELEASED,
      updated_at: iso(deps.clock()),
    },
    oldKey,
  );
}

/** Runs with the booking's lease held by `owner`. */
export async function changeType(
  deps: BookingDeps,
  user: Organizer,
  row: BookingRow,
  target: MeetingType,
  owner: string,
): Promise<BookingRow> {
  const oldProvider = getProvider(deps.providers, row.service);
  const newProvider = getProvider(deps.providers, target.service);
  const oldRef = parseRef(row.provider_ref);
  // A new revision of the booking's meeting key (providers/meeting-key.ts): the VMR name and
  // the Teams externalId still say which booking the meeting belongs to.
  const pendingKey = await nextMeetingKey(deps, row);
  const intent = {
    lifecycle: "changing" as const,
    pending_type: target.id,
    pending_service: target.service,
    pending_meeting_key: pendingKey,
    updated_at: iso(deps.clock()),
  };
  let made: CreatedMeeting | null = null;
  let sent = false;
  let oldDeleted = false;
  const scope = newCallScope();
  try {
    if (!(await updateLeased(deps.db, row.id, owner, intent)))
      throw new AppError("conflict", "lost the booking's lease");
    sent = true;
    made = await runInCallScope(scope, () =>
      newProvider.createMeeting({
        bookingId: pendingKey,
        type: target,
        policy: deps.policy,
        window: windowOf(row),
        organizer: organizerOf(row),
      }),
    );
    const outcome = {
      pending_ref: JSON.stringify(made.ref),
      pending_join: JSON.stringify(made.join),
      pending_host_secret: sealHost(deps.box, made.host, row.id),
    };
    if (!(await updateLeased(deps.db, row.id, owner, outcome)))
      throw new AppError("provider_timeout", "change-type outlived its lease");
    let oldLeft = false;
    try {
      if (oldRef) await oldProvider.deleteMeeting(oldRef);
    } catch (err) {
      // A delete without an answer may still be carried out: the old meeting can vanish at any
      // moment, so rolling back to it could leave the booking without one. Forward, then, to
      // the recorded new meeting; the watch deletes the old one if it is still there.
      if (!outcomeUnknown(err)) throw err;
      deps.log.warn(
        { err, bookingId: row.id },
        "the old meeting's delete went unanswered; the change goes ahead and the watch deletes it",
      );
      oldLeft = true;
    }
    oldDeleted = true;
    const recorded = { ...row, ...intent, ...outcome };
    if (!(await completeChange(deps, recorded, owner, oldLeft)))
      throw new AppError("provider_timeout", "change-type outlived its lease");
  } catch (err) {
    // Until the old meeting is deleted, rolling back keeps the appointment's block valid; after
    // that only going forward can (reconcile does it: the new meeting is recorded).
    if (!oldDeleted) {
      // Nothing to look for when no request reached the provider (none sent, or all 429).
      const left = made?.ref ?? (sent && scope.reached ? null : NOTHING_SENT);
      await rollBackChange(deps, row, owner, newProvider, pendingKey, left);
    }
    await audit(deps, {
      actor: user,
      action: "change-type",
      bookingId: row.id,
      outcome: outcomeOf(err),
    });
    throw err;
  }
  await audit(deps, { actor: user, action: "change-type", bookingId: row.id, outcome: "ok" });
  return (await findBooking(deps.db, row.id)) ?? row;
}
