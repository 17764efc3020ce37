import type { Booking, Invitation, MeetingTypesResponse } from "../../../shared";
import { isServiceError } from "../../api/service-error";
import type { BookingRef } from "../../office/ports";
import type { PaneServices } from "../services";

export interface Loaded {
  types: MeetingTypesResponse;
  ref: BookingRef | null;
  booking: Booking | null;
  invitation: Invitation | null;
}

/**
 * What the pane shows first: the meeting types and, when the item's custom properties name a
 * booking, that booking. A booking that is gone (deleted elsewhere, or a copy of another
 * appointment's properties whose key is refused) is forgotten, so the picker shows instead.
 */
export async function loadPane(services: PaneServices): Promise<Loaded> {
  const [types, ref] = await Promise.all([
    services.api.getMeetingTypes(),
    services.appointment.loadBookingRef(),
  ]);
  if (ref === null) return { types, ref: null, booking: null, invitation: null };
  try {
    const meeting = await services.api.getMeeting(ref, services.locale);
    if (meeting.booking.state === "active") {
      return { types, ref, booking: meeting.booking, invitation: meeting.invitation };
    }
  } catch (error) {
    if (!(isServiceError(error) && (error.code === "not_found" || error.code === "forbidden")))
      throw error;
  }
  await services.appointment.saveBookingRef(null).catch(() => {});
  return { types, ref: null, booking: null, invitation: null };
}
