import { type Booking, type Invitation, removeInvitationBlock } from "../../../shared";
import { isServiceError } from "../../api/service-error";
import type { BookingRef } from "../../office/ports";
import { FlowError } from "../errors";
import { removeOurLocation } from "./location";
import type { PaneServices } from "../services";
import { trySaveItem } from "./create";

/**
 * Ta bort möte: the service deletes the meeting first; only then are block, Location part and
 * custom properties removed. A failed delete keeps everything as it was.
 */
export async function removeMeeting(
  services: PaneServices,
  ref: BookingRef,
  current: { booking: Booking; invitation: Invitation } | null,
): Promise<{ saved: boolean }> {
  const { api, appointment } = services;
  try {
    await api.deleteMeeting(ref);
  } catch (error) {
    // Already gone in the service: the appointment still has to be cleaned.
    if (!(isServiceError(error) && error.code === "not_found")) throw error;
  }
  let bodyFailed: unknown = null;
  try {
    const body = await appointment.getBody();
    await appointment.setBody(removeInvitationBlock(body, ref.bookingId));
    const location = await appointment.getLocation();
    const cleaned = removeOurLocation(
      location,
      current ? [current.invitation.location] : [],
      current?.booking.join.url,
    );
    if (cleaned !== location) await appointment.setLocation(cleaned);
  } catch (error) {
    bodyFailed = error;
  }
  // The booking is gone either way: the item must stop pointing at it.
  await appointment.saveBookingRef(null);
  const saved = await trySaveItem(services);
  if (bodyFailed !== null) throw new FlowError("errRemoveBody", bodyFailed);
  return { saved };
}
