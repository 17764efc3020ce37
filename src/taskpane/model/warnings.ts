import type { MeetingTypeView } from "../../shared/contract";
import { appointmentChecks, blocksBooking, type CheckFinding } from "../../shared/checks";
import type { AppointmentFacts, FactFinding, NameFinding } from "./facts";

export type PersonalDataItem = Omit<FactFinding, "severity">;

/** Everything the pane warns about, most serious first (issue 6 "before harm"). */
export type Warning =
  | { kind: "personalData"; blocking: boolean; items: PersonalDataItem[] }
  /** Names warn only: the user removes them, or says they are not names. */
  | { kind: "names"; items: NameFinding[] }
  | { kind: "blockMissing" }
  | { kind: "blockEdited" }
  | { kind: "orphanBlock" }
  | { kind: "skype" }
  | { kind: "teamsBlock" }
  | { kind: "otherMeeting"; service: string }
  /** A shared check (src/shared/checks): the send check says the same with the same numbers. */
  | { kind: "check"; finding: CheckFinding }
  | { kind: "series"; endDate: string | null };

export interface WarningContext {
  facts: AppointmentFacts;
  /** The type the warnings are about: the booked one, else the one chosen in the picker. */
  type: MeetingTypeView | null;
  consumerDomains: readonly string[];
  organisationDomains: readonly string[];
  userEmail: string;
  booked: boolean;
  now: Date;
}

const OTHER_SERVICE_NAMES: Record<string, string> = { zoom: "Zoom", webex: "Webex", other: "" };

/** Why Skapa möte cannot go ahead now: an identity number, or times the service would refuse. */
export type CreateBlock = { kind: "identity" } | { kind: "check"; finding: CheckFinding };

export function isCreateBlocked(facts: AppointmentFacts | null): boolean {
  return facts?.findings.some((finding) => finding.severity === "block") ?? false;
}

export function createBlock(warnings: readonly Warning[]): CreateBlock | null {
  for (const warning of warnings) {
    if (warning.kind === "personalData" && warning.blocking) return { kind: "identity" };
    if (warning.kind === "check" && blocksBooking(warning.finding))
      return { kind: "check", finding: warning.finding };
  }
  return null;
}

export function computeWarnings(context: WarningContext): Warning[] {
  const { facts, type } = context;
  const warnings: Warning[] = [];

  if (facts.findings.length > 0) {
    warnings.push({
      kind: "personalData",
      blocking: isCreateBlocked(facts),
      items: facts.findings.map(({ field, kind, masked }) => ({ field, kind, masked })),
    });
  }

  if (facts.names.length > 0) warnings.push({ kind: "names", items: facts.names });

  if (context.booked && facts.blockState === "missing") warnings.push({ kind: "blockMissing" });
  if (context.booked && (facts.blockState === "edited" || facts.blockState === "other-booking")) {
    warnings.push({ kind: "blockEdited" });
  }
  if (!context.booked && facts.orphanBlock) warnings.push({ kind: "orphanBlock" });

  const kinds = new Set(facts.otherMeetings.map((meeting) => meeting.kind));
  if (kinds.has("skype")) warnings.push({ kind: "skype" });
  if (kinds.has("teams")) warnings.push({ kind: "teamsBlock" });
  for (const kind of ["zoom", "webex", "other"] as const) {
    if (kinds.has(kind))
      warnings.push({ kind: "otherMeeting", service: OTHER_SERVICE_NAMES[kind] ?? kind });
  }

  const checks = appointmentChecks({
    window: facts.window,
    now: context.now,
    attendees: facts.attendees,
    organizer: context.userEmail,
    type: type ? { id: type.id, participantLimit: type.participantLimit } : null,
    organisationDomains: context.organisationDomains,
    consumerDomains: context.consumerDomains,
  });
  for (const finding of checks) warnings.push({ kind: "check", finding });

  if (facts.recurrence !== null)
    warnings.push({ kind: "series", endDate: facts.recurrence.endDate });
  return warnings;
}
