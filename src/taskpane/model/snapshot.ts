import type { Booking, BookingSnapshot, Invitation, MeetingTypeView } from "../../shared/contract";
// The digest module alone: the engine and the scanner load after the first paint.
import { invitationDigest } from "../../shared/invitation/digest";

/**
 * What the launch-event handlers get to know about the booking (custom property, never sent to
 * attendees): enough to judge a send with no network call.
 */
export function snapshotOf(
  booking: Booking,
  invitation: Invitation,
  type: Pick<MeetingTypeView, "participantLimit"> | undefined,
  organisationDomains: readonly string[],
  consumerDomains: readonly string[] = [],
): BookingSnapshot {
  return {
    type: booking.type,
    joinUrl: booking.join.url,
    start: booking.start,
    end: booking.end,
    seriesEnd: booking.seriesEnd,
    participantLimit: type?.participantLimit ?? null,
    blockDigest: invitationDigest(invitation.text),
    organisationDomains: organisationDomains.slice(0, 20),
    consumerDomains: consumerDomains.slice(0, 30),
  };
}
