// The send check's judgement, with no Office.js and no network: the handler reads the item, asks
// this module, and only on the stale-times path goes to the service. Identity numbers block;
// other personal data, a missing or edited block and too many attendees warn.
import { windowMatches, type BookingWindow } from "../shared/contract/window";
import { appointmentChecks, blocksBooking } from "../shared/checks/appointment-checks";
import {
  invitationBlockState,
  findInvitationBlock,
  invitationBlockRanges,
} from "../shared/invitation/block";
import { sameUrl } from "../shared/invitation/urls";
import { findPersonalData, htmlToText, maskMatch } from "../shared/personal-data";
import type { PersonalDataFinding, AppointmentField } from "../shared/personal-data";
import {
  checkBlocked,
  clip,
  identityBlocked,
  SMART_ALERT_MAX,
  timeNotSynced,
  warnings,
  type Found,
  type Lang,
  type Warning,
} from "./messages";
import type { StoredBooking } from "../shared/appointment-state/state";
import { isNotName } from "../shared/appointment-state/not-names";

export interface SendInput {
  subject: string;
  location: string;
  bodyHtml: string;
  /** Required and optional attendees' addresses. */
  attendees: string[];
  /** The organiser's address (the user sending). */
  organizer: string;
  now: Date;
  booking: StoredBooking | null;
  window: BookingWindow;
  organisationDomains: string[];
  /** Display names of the organizer and attendees: staff, whose names are not findings. */
  staffNames?: string[];
  /** Words the user said, in the pane, are not a name (the item's custom properties). */
  notNames?: string[];
}

export type SendVerdict =
  | { kind: "allow" }
  /** Must be fixed before sending (SoftBlock). */
  | { kind: "block"; message: string }
  /** Worth a second look; the user may send anyway where the client allows it. */
  | { kind: "warn"; message: string }
  /** The appointment's times differ from the booking's: bring the booking up to date first. */
  | { kind: "stale" };

function found(field: AppointmentField, finding: PersonalDataFinding): Found {
  return { field, kind: finding.kind, masked: maskMatch(finding) };
}

function scan(input: SendInput): { blocking: Found[]; warning: Found[] } {
  const options = {
    organisationDomains: input.organisationDomains,
    staffNames: input.staffNames ?? [],
  };
  const notNames = input.notNames ?? [];
  const blocking: Found[] = [];
  const warning: Found[] = [];
  const dismissed = (f: PersonalDataFinding) => f.kind === "name" && isNotName(f.match, notNames);
  for (const [field, text] of [
    ["subject", input.subject],
    ["location", input.location],
  ] as const) {
    for (const f of findPersonalData(text, options))
      if (!dismissed(f)) (f.severity === "block" ? blocking : warning).push(found(field, f));
  }
  // Identity numbers are looked for in the whole body, our block included (someone may have typed
  // one into it); warnings only outside our block, whose dial-in numbers and addresses are ours.
  // Both texts come from one reading of the body (src/shared/html): the text outside our block
  // leaves the block's source range out instead of reading a second body without it. The whole
  // body is scanned a second time only for what blocks (identity numbers): the cheap part.
  const whole = htmlToText(input.bodyHtml);
  const outside = input.booking
    ? htmlToText(input.bodyHtml, invitationBlockRanges(input.bodyHtml, input.booking.bookingId))
    : whole;
  const outsideFindings = findPersonalData(outside, options);
  const wholeFindings =
    outside === whole ? outsideFindings : findPersonalData(whole, { ...options, only: "block" });
  for (const f of wholeFindings) {
    if (f.severity === "block") blocking.push(found("body", f));
  }
  for (const f of outsideFindings) {
    if (f.severity === "warn" && !dismissed(f)) warning.push(found("body", f));
  }
  return { blocking, warning };
}

function blockWarning(input: SendInput): Warning | null {
  const booking = input.booking;
  if (!booking) return null;
  if (!booking.snapshot) {
    const block = findInvitationBlock(input.bodyHtml);
    if (!block) return { kind: "block-missing" };
    return block.bookingId === booking.bookingId ? null : { kind: "block-other" };
  }
  const state = invitationBlockState(input.bodyHtml, {
    bookingId: booking.bookingId,
    joinUrl: booking.snapshot.joinUrl,
    textDigest: booking.snapshot.blockDigest,
  });
  if (state === "missing") return { kind: "block-missing" };
  if (state === "edited") {
    // A changed link is worse than changed words: attendees would be sent somewhere else.
    const own = findInvitationBlock(input.bodyHtml);
    const link = own?.bookingId === booking.bookingId ? own.joinUrl : null;
    if (link === null || !sameUrl(link, booking.snapshot.joinUrl))
      return { kind: "block-link-changed" };
    return { kind: "block-edited" };
  }
  if (state === "other-booking") return { kind: "block-other" };
  return null;
}

/** `timesChecked`: the booking's times were just brought up to date (or could not be, see stale). */
export function judgeSend(input: SendInput, lang: Lang, timesChecked = false): SendVerdict {
  const { blocking, warning } = scan(input);
  if (blocking.length > 0)
    return { kind: "block", message: clip(identityBlocked(lang, blocking), SMART_ALERT_MAX) };
  const snapshot = input.booking?.snapshot;
  // The same checks as the pane's, on the booked type (the send check knows it from the snapshot).
  const checks = snapshot
    ? appointmentChecks({
        window: input.window,
        now: input.now,
        attendees: input.attendees,
        organizer: input.organizer,
        type: { id: snapshot.type, participantLimit: snapshot.participantLimit },
        organisationDomains: input.organisationDomains,
        consumerDomains: snapshot.consumerDomains,
      })
    : [];
  // A time the booking cannot have is said as such, not as "the times changed, open the pane".
  const timeProblem = checks.find(blocksBooking);
  if (timeProblem) return { kind: "block", message: checkBlocked(lang, timeProblem) };
  if (snapshot && !timesChecked && !windowMatches(snapshot, input.window)) return { kind: "stale" };

  const found: Warning[] = [];
  if (warning.length > 0) found.push({ kind: "personal-data", found: warning });
  const block = blockWarning(input);
  if (block) found.push(block);
  // "No place left" is the pane's heads-up; a full meeting is not a reason to stop Skicka.
  for (const finding of checks)
    if (finding.kind !== "atLimit") found.push({ kind: "check", finding });
  return found.length === 0 ? { kind: "allow" } : { kind: "warn", message: warnings(lang, found) };
}

/** What to say when the times are stale and could not be synced from here. */
export function staleVerdict(lang: Lang): SendVerdict {
  return { kind: "block", message: timeNotSynced(lang) };
}
