// Brings the booking's window up to date with the appointment's times, from a launch event.
import { writeSnapshot, type StoredBooking } from "../shared/appointment-state/state";
import type { BookingWindow } from "../shared/contract/window";
import { officeCall, silentOfficeToken } from "./office-event";
import { serviceOrigin, serviceToken, updateWindow } from "./service-client";

/** True when the service now has `window` and the item's snapshot says so. */
export async function syncWindow(
  props: Office.CustomProperties,
  booking: StoredBooking,
  window: BookingWindow,
  userEmail: string,
): Promise<boolean> {
  try {
    const origin = serviceOrigin();
    const access = await serviceToken(origin, userEmail, silentOfficeToken);
    if (!access) return false;
    const updated = await updateWindow(access, booking, window);
    if (!updated || !booking.snapshot) return updated !== null;
    writeSnapshot(props, {
      ...booking.snapshot,
      start: updated.start,
      end: updated.end,
      seriesEnd: updated.seriesEnd,
    });
    await officeCall<void>((cb) => props.saveAsync(cb));
    return true;
  } catch {
    // Not reachable, refused, or no token without UI: the pane moves the booking when opened.
    return false;
  }
}
