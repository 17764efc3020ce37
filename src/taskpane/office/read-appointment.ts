import { officeCall } from "./async";
import type { ReadAppointment } from "./ports";

/** The read-form appointment an attendee opens (AppointmentRead): only its body is used. */
export function createReadAppointment(
  item: Office.AppointmentRead = Office.context.mailbox.item as Office.AppointmentRead,
): ReadAppointment {
  return {
    getBody: () => officeCall<string>((cb) => item.body.getAsync(Office.CoercionType.Html, cb)),
  };
}
