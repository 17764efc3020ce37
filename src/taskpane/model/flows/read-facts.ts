import {
  type Booking,
  type Invitation,
  findInvitationBlock,
  findOtherMeetings,
  invitationBlockState,
  maskMatch,
  removeInvitationBlock,
  scanAppointment,
} from "../../../shared";
import type { ComposeAppointment } from "../../office/ports";
import { windowFor } from "../../../shared/contract";
import type { AppointmentFacts } from "../facts";
import { removeOurLocation } from "./location";

export interface BookedContext {
  booking: Booking;
  invitation: Invitation;
  /**
   * Block texts that count as unedited: the invitation in each language the pane knows. The
   * block may have been written in the other language (another user's Outlook).
   */
  texts: string[];
  /** False while the other language's text is still being fetched: give the benefit of doubt. */
  textsComplete: boolean;
}

function blockState(body: string, booked: BookedContext): AppointmentFacts["blockState"] {
  const expected = { bookingId: booked.booking.id, joinUrl: booked.booking.join.url };
  const structural = invitationBlockState(body, expected);
  if (structural !== "ok") return structural;
  if (booked.texts.some((text) => invitationBlockState(body, { ...expected, text }) === "ok"))
    return "ok";
  return booked.textsComplete ? "edited" : "ok";
}

/**
 * Reads the appointment and derives every warning's input. Personal data is looked for in
 * Subject, Location and body with our own block and Location text taken out first: the join data
 * we wrote is not the user's.
 */
export async function readFacts(
  appointment: ComposeAppointment,
  booked: BookedContext | null,
  organisationDomains: readonly string[],
): Promise<AppointmentFacts> {
  const [subject, location, body, attendees, times] = await Promise.all([
    appointment.getSubject(),
    appointment.getLocation(),
    appointment.getBody(),
    appointment.getAttendees(),
    appointment.getTimes(),
  ]);
  const ownBlock = findInvitationBlock(body);
  const ownTexts = booked ? [booked.invitation.location] : [];
  const findings = scanAppointment(
    {
      subject,
      location: removeOurLocation(
        location,
        ownTexts,
        booked?.booking.join.url ?? ownBlock?.joinUrl ?? undefined,
      ),
      bodyHtml: removeInvitationBlock(body),
    },
    { organisationDomains: [...organisationDomains] },
  );
  return {
    findings: findings.map(({ field, finding }) => ({
      field,
      kind: finding.kind,
      severity: finding.severity,
      masked: maskMatch(finding),
    })),
    attendees,
    otherMeetings: findOtherMeetings(body),
    blockState: booked ? blockState(body, booked) : null,
    orphanBlock: !booked && ownBlock !== null,
    recurrence: times.recurrence,
    window: windowFor(times, booked?.booking ?? null),
  };
}
