import { isServiceError } from "../../api/service-error";
import type { Loaded, PaneServices } from "../services";
import { loadEngine } from "../load-engine";

export type { Loaded } from "../services";

/**
 * What the pane shows first: the meeting types and, when the item's custom properties name a
 * booking, that booking. A booking that is gone (deleted elsewhere, or a copy of another
 * appointment's properties whose key is refused) is forgotten, so the picker shows instead.
 */
export async function loadPane(services: PaneServices): Promise<Loaded> {
  // The types and the booking are fetched side by side: one round trip, not two.
  const typesRequest = services.api.getMeetingTypes();
  const ref = await services.appointment.loadBookingRef().catch(async (error: unknown) => {
    await typesRequest.catch(() => {});
    throw error;
  });
  if (ref === null) {
    const pending = await services.appointment.loadPendingCreate().catch(() => null);
    if (pending) {
      const [types, engine] = await Promise.all([typesRequest, loadEngine()]);
      const booked = await engine.resumeCreate(services, pending);
      if (booked) return { types, ...booked, resumed: true };
      return { types, ref: null, booking: null, invitation: null };
    }
    return { types: await typesRequest, ref: null, booking: null, invitation: null };
  }
  const meetingRequest = services.api.getMeeting(ref, services.locale).then(
    (meeting) => (meeting.booking.state === "active" ? meeting : null),
    (error: unknown) => {
      if (isServiceError(error) && (error.code === "not_found" || error.code === "forbidden"))
        return null;
      throw error;
    },
  );
  const [types, meeting] = await Promise.all([typesRequest, meetingRequest]);
  if (meeting) return { types, ref, booking: meeting.booking, invitation: meeting.invitation };
  await services.appointment.saveBookingRef(null).catch(() => {});
  return { types, ref: null, booking: null, invitation: null };
}
