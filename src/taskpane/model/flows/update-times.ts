import type { Booking, Invitation } from "../../../shared";
import type { BookingRef } from "../../office/ports";
import { bookingWindow, windowMatches } from "../../../shared/contract";
import type { PaneServices } from "../services";

/**
 * When start, end or recurrence change in the form: PATCH the booking's window (Teams start/end,
 * Pexip cleanup). Resolves null when the booking already has these times.
 */
export async function updateTimes(
  services: PaneServices,
  ref: BookingRef,
  booking: Booking,
): Promise<{ booking: Booking; invitation: Invitation } | null> {
  const window = bookingWindow(await services.appointment.getTimes());
  if (windowMatches(booking, window)) return null;
  return services.api.updateMeeting(ref, window);
}
