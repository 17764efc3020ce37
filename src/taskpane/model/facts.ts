import type {
  AppointmentField,
  InvitationBlockState,
  OtherMeeting,
  PersonalDataKind,
  PersonalDataSeverity,
} from "../../shared";
import type { RecurrenceInfo } from "../office/ports";
import type { BookingWindow } from "../../shared/contract";

/** Personal data found in the appointment, as the pane may show it: masked, never the match. */
export interface FactFinding {
  field: AppointmentField;
  kind: PersonalDataKind;
  severity: PersonalDataSeverity;
  masked: string;
}

/**
 * A name found in the appointment. Unlike other findings it is kept as written, so the pane can
 * show it highlighted in its sentence and replace it; it stays in the pane (never sent, logged
 * or stored).
 */
export interface NameFinding {
  field: AppointmentField;
  match: string;
  /** How many equal names stand before it in the field: which one "Ta bort namnet" replaces. */
  occurrence: number;
  /** The text just before and after it, for the excerpt. */
  before: string;
  after: string;
}

/** What the pane last read from the appointment: the input of every warning. */
export interface AppointmentFacts {
  /** Everything but names (those are in `names`). */
  findings: FactFinding[];
  /** Names not dismissed with "Det är inte ett namn", staff's names left out. */
  names: NameFinding[];
  attendees: string[];
  otherMeetings: OtherMeeting[];
  /** State of our block for the booking, null when there is no booking. */
  blockState: InvitationBlockState | null;
  /** A block of ours is in the body although there is no booking. */
  orphanBlock: boolean;
  recurrence: RecurrenceInfo | null;
  /** The times the booking should have now. */
  window: BookingWindow;
}

/** Facts compare by value; the poll dispatches only when something really changed. */
export function sameFacts(a: AppointmentFacts | null, b: AppointmentFacts | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
