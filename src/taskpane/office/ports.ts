import type { AppointmentTimes, BookingSnapshot, PendingCreate } from "../../shared/contract";
// What the rest of the pane knows about Outlook: plain interfaces, no Office.js. The
// implementations in this folder are the only code that touches Office; tests pass fakes.

/** Where the pane's booking lives in the item's custom properties (never sent to attendees). */
export interface BookingRef {
  bookingId: string;
  manageKey: string;
  /** The snapshot stored beside them, when there is a valid one (read only; see saveSnapshot). */
  snapshot?: BookingSnapshot | null;
}

/** When the appointment happens, as Outlook reports it (shared with the launch events). */
export type { AppointmentTimes } from "../../shared/contract";
/** The recurrence part of `AppointmentTimes`. */
export type RecurrenceInfo = NonNullable<AppointmentTimes["recurrence"]>;

/** Item events the pane reacts to while it is open (Mailbox 1.7 task-pane events). */
export type AppointmentChange = "times" | "recipients" | "recurrence";

/** The appointment as its organizer edits it (AppointmentCompose). */
export interface ComposeAppointment {
  getSubject(): Promise<string>;
  getLocation(): Promise<string>;
  setSubject(value: string): Promise<void>;
  /**
   * Marks the appointment Private (item.sensitivity, Mailbox 1.14) and remembers in the custom
   * properties that the pane did, unless it was Private already (the user's own choice). Resolves
   * false when the client lacks the API, so the pane can say so.
   */
  markPrivate(): Promise<boolean>;
  /**
   * Puts a Private appointment back to Normal if the pane made it Private (see markPrivate), and
   * forgets that; one the user made Private stays so. Does nothing without the API.
   */
  unmarkPrivate(): Promise<void>;
  setLocation(value: string): Promise<void>;
  /** The body as HTML; rejects with OfficeError "PlainTextBody" when the body is plain text. */
  getBody(): Promise<string>;
  setBody(html: string): Promise<void>;
  getTimes(): Promise<AppointmentTimes>;
  /** Required and optional attendees' addresses, lower-cased. */
  getAttendees(): Promise<string[]>;
  /**
   * Display names (and addresses) of the organizer and the attendees: staff, not patients, so the
   * name scanner ignores them. Names Outlook does not give are left out.
   */
  getStaffNames(): Promise<string[]>;
  /** Words the user said are not a name ("Det är inte ett namn"), for this appointment. */
  loadNotNames(): Promise<string[]>;
  /** Remembers one more such word in the item's custom properties and saves them. */
  addNotName(text: string): Promise<void>;
  loadBookingRef(): Promise<BookingRef | null>;
  /** Stores (or with null clears, snapshot included) the reference and saves the custom properties. */
  saveBookingRef(ref: BookingRef | null): Promise<void>;
  /**
   * Stores what the launch-event handlers need to check a send without the network (type, join
   * link, window, block fingerprint); see `BookingSnapshot`.
   */
  saveSnapshot(snapshot: BookingSnapshot): Promise<void>;
  /** The create this item started and never finished (pane closed mid-create), if any. */
  loadPendingCreate(): Promise<PendingCreate | null>;
  /**
   * Records (or with null clears) a create before the service is called. `saveBookingRef` with a
   * reference clears it in the same save: the item never holds both or neither.
   */
  savePendingCreate(pending: PendingCreate | null): Promise<void>;
  /**
   * Saves the item (classic Outlook keeps custom properties only after this). Resolves false
   * when the client cannot save from an add-in (Mailbox < 1.3).
   */
  saveItem(): Promise<boolean>;
  /**
   * Calls `onChange` when times, attendees or recurrence change in the form. Resolves to an
   * unsubscribe function, or null when the client has no such events (then the pane polls).
   */
  watch(onChange: (change: AppointmentChange) => void): Promise<(() => Promise<void>) | null>;
}

/** The appointment in the read form (AppointmentRead): nothing in it can be changed. */
export interface ReadAppointment {
  getBody(): Promise<string>;
  /** The booking the organizer's copy names; null on an attendee's copy (it has none). */
  loadBookingRef(): Promise<BookingRef | null>;
}

export type ThemeKind = "light" | "dark" | "highContrast";

/** What the pane needs from the Outlook host at start. */
export interface HostInfo {
  /** True when Outlook (or the harness's fake host) is running the pane. */
  inOutlook: boolean;
  /** Outlook's UI language, e.g. "sv-SE". */
  displayLanguage: string;
  /**
   * "organizer" in the compose form, and in the read form when the signed-in user organised the
   * appointment (Outlook shows its read form to the organizer too, e.g. in the calendar's
   * reading pane); otherwise "attendee".
   */
  mode: "organizer" | "attendee";
  /** Which form Outlook opened: "read" for a read-mode item or `?mode=attendee` (the read form's URL). */
  form: "compose" | "read";
  /** The signed-in user's address; its local part identifies the user to the emulator. */
  userEmail: string;
}
