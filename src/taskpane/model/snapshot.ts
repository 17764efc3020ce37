import {
  type Booking,
  type BookingSnapshot,
  type Invitation,
  type MeetingTypeView,
  invitationDigest,
} from "../../shared";

/**
 * What the launch-event handlers get to know about the booking (custom property, never sent to
 * attendees): enough to judge a send with no network call.
 */
export function snapshotOf(
  booking: Booking,
  invitation: Invitation,
  type: Pick<MeetingTypeView, "participantLimit"> | undefined,
  organisationDomains: readonly string[],
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
  };
}
