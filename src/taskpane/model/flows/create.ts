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
import { bookingWindow } from "../../../shared/contract";
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
  const { appointment, api } = services;
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
  const created = await api.createMeeting(
    { type, ...window, locale: services.locale },
    newIdempotencyKey(),
  );
  const ref = { bookingId: created.booking.id, manageKey: created.manageKey };

  let written: WrittenBlock | null = null;
  try {
    written = await writeBlock(
      appointment,
      created.invitation,
      null,
      options.replaceSkype ? (body) => removeOtherMeeting(body, "skype") : undefined,
    );
    await appointment.saveBookingRef(ref);
  } catch (error) {
    if (written) await undoBlock(appointment, written);
    const deleted = await api.deleteMeeting(ref).then(
      () => true,
      () => false,
    );
    throw new FlowError(deleted ? "errCreateRolledBack" : "errCreateDangling", error);
  }
  const saved = await trySaveItem(services);
  return { ref, booking: created.booking, invitation: created.invitation, saved };
}
