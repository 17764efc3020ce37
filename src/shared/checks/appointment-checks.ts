// Every check that both the pane (before the click) and the send check (before Skicka) make on
// the appointment's times and attendees, in the order they are shown.
import type { MeetingTypeId } from "../contract/ids";
import type { BookingWindow } from "../contract/window";
import type { CheckFinding } from "./messages";
import { checkOutsideAttendees, type DomainLists } from "./outside-attendees";
import { checkParticipantLimit } from "./participants";
import { checkTimes } from "./times";

export interface AppointmentCheckInput extends DomainLists {
  window: BookingWindow;
  now: Date;
  /** Required and optional attendees' addresses. */
  attendees: readonly string[];
  organizer: string;
  /** The type booked, or chosen in the picker; null: the type-dependent checks are skipped. */
  type: { id: MeetingTypeId; participantLimit: number | null } | null;
}

export function appointmentChecks(input: AppointmentCheckInput): CheckFinding[] {
  const found: CheckFinding[] = [];
  const time = checkTimes(input.window, input.now);
  if (time) found.push(time);
  if (input.type) {
    const limit = checkParticipantLimit(
      input.attendees,
      input.organizer,
      input.type.participantLimit,
    );
    if (limit) found.push(limit);
    const outside = checkOutsideAttendees(input.attendees, input.type.id, input.organizer, input);
    if (outside) found.push(outside);
  }
  return found;
}

/** Findings that make Skapa möte pointless: the service would refuse the booking. */
export function blocksBooking(finding: CheckFinding): boolean {
  return finding.kind === "timePast" || finding.kind === "endBeforeStart";
}
