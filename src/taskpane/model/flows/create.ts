import {
  type Booking,
  type Invitation,
  type MeetingTypeId,
  removeInvitationBlock,
  removeOtherMeeting,
  scanAppointment,
} from "../../../shared";
import { newIdempotencyKey } from "../../api/idempotency";
import type { BookingRef } from "../../office/ports";
import { bookingWindow, type PendingCreate } from "../../../shared/contract";
import { isServiceError } from "../../api/service-error";
import { checkTimes } from "../../../shared/checks/times";
import { FlowError } from "../errors";
import type { PaneServices } from "../services";
import { type WrittenBlock, undoBlock, writeBlock } from "./write-block";

export interface Booked {
  ref: BookingRef;
  booking: Booking;
  invitation: Invitation;
  /** False when Outlook could not save the item (the user must save it). */
  saved: boolean;
}

/**
 * Saves the item where the client allows it: classic Outlook keeps custom properties only after
 * a save. A failed save is reported, not undone: the meeting and the body are correct.
 */
export async function trySaveItem(services: PaneServices): Promise<boolean> {
  try {
    return await services.appointment.saveItem();
  } catch {
    return false;
  }
}

/**
 * Skapa möte (and Boka om Skype-mötet with `replaceSkype`): book, then write block, Location and
 * custom properties. If the appointment cannot be written the booking is deleted again, so a
 * failed create leaves the appointment as it was and nothing dangles in the service.
 */
export async function createMeeting(
  services: PaneServices,
  type: MeetingTypeId,
  options: { replaceSkype?: boolean } = {},
): Promise<Booked> {
  const { appointment } = services;
  // Read first: a plain-text body fails here, before anything is booked. The identity-number
  // check runs again here, not only in the warnings: the user may have typed one a moment ago.
  const [subject, location, body] = await Promise.all([
    appointment.getSubject(),
    appointment.getLocation(),
    appointment.getBody(),
  ]);
  const findings = scanAppointment(
    { subject, location, bodyHtml: removeInvitationBlock(body) },
    { organisationDomains: [...services.config.organisationDomains] },
  );
  if (findings.some(({ finding }) => finding.severity === "block"))
    throw new FlowError("createBlocked");
  const window = bookingWindow(await appointment.getTimes());
  // The same rule as the warning: a time the service would refuse is said before calling it.
  if (checkTimes(window, new Date())) throw new FlowError("createBlockedTime");
  const pending: PendingCreate = {
    key: newIdempotencyKey(),
    type,
    window,
    at: new Date().toISOString(),
  };
  // Recorded before the call: a pane closed while the service books finds it when reopened and
  // finishes it with the same key (the same room), never books a second one.
  await appointment.savePendingCreate(pending);
  return finishCreate(
    services,
    pending,
    options.replaceSkype ? (body) => removeOtherMeeting(body, "skype") : undefined,
  );
}

/** A refusal that will not change on a repeat: nothing was booked, nothing is left to finish. */
function refusedForGood(error: unknown): boolean {
  return (
    isServiceError(error) &&
    error.status >= 400 &&
    error.status < 500 &&
    !["unauthorized", "conflict", "rate_limited"].includes(error.code)
  );
}

/**
 * Books the pending create (a repeat with its key returns the same booking), then writes block,
 * Location and custom properties; the reference replaces the pending record in one save. If the
 * appointment cannot be written the booking is deleted again.
 */
async function finishCreate(
  services: PaneServices,
  pending: PendingCreate,
  transformBody?: (body: string) => string,
): Promise<Booked> {
  const { appointment, api } = services;
  let created;
  try {
    created = await api.createMeeting(
      { type: pending.type, ...pending.window, locale: services.locale },
      pending.key,
    );
  } catch (error) {
    if (refusedForGood(error)) await appointment.savePendingCreate(null).catch(() => {});
    throw error;
  }
  const ref = { bookingId: created.booking.id, manageKey: created.manageKey };

  let written: WrittenBlock | null = null;
  try {
    // An earlier, interrupted attempt may have written this very block and Location part:
    // they are replaced in place, not added again.
    written = await writeBlock(
      appointment,
      created.invitation,
      { location: created.invitation.location, joinUrl: created.booking.join.url },
      transformBody,
    );
    await appointment.saveBookingRef(ref);
  } catch (error) {
    if (written) await undoBlock(appointment, written);
    const deleted = await api.deleteMeeting(ref).then(
      () => true,
      () => false,
    );
    if (deleted) await appointment.savePendingCreate(null).catch(() => {});
    throw new FlowError(deleted ? "errCreateRolledBack" : "errCreateDangling", error);
  }
  const saved = await trySaveItem(services);
  return { ref, booking: created.booking, invitation: created.invitation, saved };
}

/** Attempts older than this are dropped: the service keeps an Idempotency-Key for a day. */
const PENDING_MAX_AGE_MS = 12 * 60 * 60 * 1000;

/**
 * The reopened pane's half of a create whose pane was closed: finish it with the recorded key
 * (the service answers with the room it made, or makes it now if the first call never arrived).
 * Null when there is nothing worth finishing; a service outage throws and the record stays.
 */
export async function resumeCreate(
  services: PaneServices,
  pending: PendingCreate,
): Promise<Booked | null> {
  if (Date.now() - Date.parse(pending.at) > PENDING_MAX_AGE_MS) {
    await services.appointment.savePendingCreate(null).catch(() => {});
    return null;
  }
  try {
    return await finishCreate(services, pending);
  } catch (error) {
    if (refusedForGood(error)) return null;
    throw error;
  }
}
