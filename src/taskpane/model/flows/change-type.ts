import type { Booking, Invitation, MeetingTypeId } from "../../../shared";
import { newIdempotencyKey } from "../../api/idempotency";
import type { BookingRef } from "../../office/ports";
import type { MessageKey } from "../../i18n";
import type { PaneServices } from "../services";
import { trySaveItem } from "./create";
import { writeBlock } from "./write-block";

export interface Changed {
  booking: Booking;
  invitation: Invitation;
  /** Set when the service changed the meeting but the appointment could not be updated. */
  problem: MessageKey | null;
  saved: boolean;
}

/**
 * Välj om mötestyp: one call (the service creates the new meeting, then deletes the old), then
 * the new block replaces the old one in place and our Location part is swapped.
 */
export async function changeMeetingType(
  services: PaneServices,
  ref: BookingRef,
  current: { booking: Booking; invitation: Invitation },
  type: MeetingTypeId,
): Promise<Changed> {
  const changed = await services.api.changeType(
    ref,
    { type, locale: services.locale },
    newIdempotencyKey(),
  );
  const previous = { location: current.invitation.location, joinUrl: current.booking.join.url };
  let problem: MessageKey | null = null;
  try {
    await writeBlock(services.appointment, changed.invitation, previous);
  } catch {
    // The old link no longer works: one more try, then the user is told to restore.
    try {
      await writeBlock(services.appointment, changed.invitation, previous);
    } catch {
      problem = "errChangeBody";
    }
  }
  const saved = problem === null ? await trySaveItem(services) : false;
  return { booking: changed.booking, invitation: changed.invitation, problem, saved };
}
