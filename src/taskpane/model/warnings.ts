import type { MeetingTypeView } from "../../shared/contract";
import type { AppointmentFacts, FactFinding } from "./facts";

export type PersonalDataItem = Omit<FactFinding, "severity">;

/** Everything the pane warns about, most serious first (DESIGN §2, issue 6 "before harm"). */
export type Warning =
  | { kind: "personalData"; blocking: boolean; items: PersonalDataItem[] }
  | { kind: "blockMissing" }
  | { kind: "blockEdited" }
  | { kind: "orphanBlock" }
  | { kind: "skype" }
  | { kind: "teamsBlock" }
  | { kind: "otherMeeting"; service: string }
  | { kind: "overLimit"; count: number; limit: number; typeId: string }
  | { kind: "atLimit"; count: number; limit: number; typeId: string }
  | { kind: "consumerEmail"; addresses: string[] }
  | { kind: "series"; endDate: string | null };

export interface WarningContext {
  facts: AppointmentFacts;
  /** The type the warnings are about: the booked one, else the one chosen in the picker. */
  type: MeetingTypeView | null;
  consumerDomains: readonly string[];
  userEmail: string;
  booked: boolean;
}

const OTHER_SERVICE_NAMES: Record<string, string> = { zoom: "Zoom", webex: "Webex", other: "" };

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf("@") + 1).toLowerCase();
}

function isConsumer(address: string, domains: readonly string[]): boolean {
  const domain = domainOf(address);
  return domains.some((d) => {
    const wanted = d.trim().toLowerCase();
    return wanted !== "" && (domain === wanted || domain.endsWith(`.${wanted}`));
  });
}

/** Outlook attendees plus the organizer (the host takes a place too). */
export function participantCount(attendees: readonly string[], userEmail: string): number {
  const me = userEmail.trim().toLowerCase();
  const others = new Set(attendees.filter((address) => address !== me));
  return others.size + 1;
}

export function isCreateBlocked(facts: AppointmentFacts | null): boolean {
  return facts?.findings.some((finding) => finding.severity === "block") ?? false;
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

  const limit = type?.participantLimit ?? null;
  if (type && limit !== null) {
    const count = participantCount(facts.attendees, context.userEmail);
    if (count > limit) warnings.push({ kind: "overLimit", count, limit, typeId: type.id });
    else if (count === limit) warnings.push({ kind: "atLimit", count, limit, typeId: type.id });
  }

  const consumers = facts.attendees.filter((address) =>
    isConsumer(address, context.consumerDomains),
  );
  if (consumers.length > 0) warnings.push({ kind: "consumerEmail", addresses: consumers });

  if (facts.recurrence !== null)
    warnings.push({ kind: "series", endDate: facts.recurrence.endDate });
  return warnings;
}
