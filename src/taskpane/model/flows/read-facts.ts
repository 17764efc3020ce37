import {
  type Booking,
  type Invitation,
  findInvitationBlock,
  findOtherMeetings,
  htmlToText,
  isNotName,
  invitationBlockState,
  maskMatch,
  removeInvitationBlock,
  scanAppointment,
} from "../../../shared";
import type { ComposeAppointment } from "../../office/ports";
import { windowFor } from "../../../shared/contract";
import type { AppointmentFacts, NameFinding } from "../facts";
import { occurrenceBefore } from "../name-edit";
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
  const [subject, location, body, attendees, times, staffNames, notNames] = await Promise.all([
    appointment.getSubject(),
    appointment.getLocation(),
    appointment.getBody(),
    appointment.getAttendees(),
    appointment.getTimes(),
    appointment.getStaffNames(),
    appointment.loadNotNames(),
  ]);
  const ownBlock = findInvitationBlock(body);
  const ownTexts = booked ? [booked.invitation.location] : [];
  const texts = {
    subject,
    location: removeOurLocation(
      location,
      ownTexts,
      booked?.booking.join.url ?? ownBlock?.joinUrl ?? undefined,
    ),
    bodyHtml: removeInvitationBlock(body),
  };
  const findings = scanAppointment(texts, {
    organisationDomains: [...organisationDomains],
    // ScanOptions' bounds: a display name Outlook gives is far shorter than 256 characters.
    staffNames: staffNames.map((name) => name.slice(0, 256)).slice(0, 1000),
  });
  const scanned = { subject: texts.subject, location: texts.location, body: "" };
  if (findings.some(({ field, finding }) => field === "body" && finding.kind === "name"))
    scanned.body = htmlToText(texts.bodyHtml);
  const names: NameFinding[] = findings
    .filter(({ finding }) => finding.kind === "name" && !isNotName(finding.match, notNames))
    .map(({ field, finding }) => nameFinding(scanned[field], field, finding));
  return {
    findings: findings
      .filter(({ finding }) => finding.kind !== "name")
      .map(({ field, finding }) => ({
        field,
        kind: finding.kind,
        severity: finding.severity,
        masked: maskMatch(finding),
      })),
    names,
    attendees,
    otherMeetings: findOtherMeetings(body),
    blockState: booked ? blockState(body, booked) : null,
    orphanBlock: !booked && ownBlock !== null,
    recurrence: times.recurrence,
    window: windowFor(times, booked?.booking ?? null),
  };
}

const EXCERPT = 40;

function nameFinding(
  text: string,
  field: NameFinding["field"],
  finding: { start: number; end: number; match: string },
): NameFinding {
  const before = text.slice(Math.max(0, finding.start - EXCERPT), finding.start);
  const after = text.slice(finding.end, finding.end + EXCERPT);
  return {
    field,
    match: finding.match,
    occurrence: occurrenceBefore(text, finding.start, finding.match),
    before: (finding.start > EXCERPT ? "…" : "") + before.replace(/\s+/g, " "),
    after: after.replace(/\s+/g, " ") + (finding.end + EXCERPT < text.length ? "…" : ""),
  };
}
