import type { Booking, Invitation } from "../../../shared";
import type { BookingRef } from "../../office/ports";
import { windowFor, windowMatches } from "../../../shared/contract";
import type { PaneServices } from "../services";

/**
 * When start, end or recurrence change in the form: PATCH the booking's window (Teams start/end,
 * Pexip cleanup). Resolves null when the booking already has these times. One occurrence of a
 * series edited never shortens the series (windowFor).
 */
export async function updateTimes(
  services: PaneServices,
  ref: BookingRef,
  booking: Booking,
): Promise<{ booking: Booking; invitation: Invitation } | null> {
  const window = windowFor(await services.appointment.getTimes(), booking);
  if (windowMatches(booking, window)) return null;
  return services.api.updateMeeting(ref, window);
}
