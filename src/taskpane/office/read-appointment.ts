import { officeCall } from "./async";
import { readStoredBooking } from "../../shared/appointment-state";
import type { ReadAppointment } from "./ports";

/**
 * The read-form appointment (AppointmentRead): its body for an attendee, and for the organizer
 * the booking its custom properties name (loadCustomPropertiesAsync works in read mode too).
 */
export function createReadAppointment(
  item: Office.AppointmentRead = Office.context.mailbox.item as Office.AppointmentRead,
): ReadAppointment {
  return {
    getBody: () => officeCall<string>((cb) => item.body.getAsync(Office.CoercionType.Html, cb)),
    loadBookingRef: async () =>
      readStoredBooking(
        await officeCall<Office.CustomProperties>((cb) => item.loadCustomPropertiesAsync(cb)),
      ),
  };
}
