// The appointment the harness plays, as plain JSON (it is kept in sessionStorage across page
// reloads, and the fake Office.js in the pane's iframe copies it into its own realm).
import { z } from "zod";

export const Attendee = z.object({
  displayName: z.string(),
  emailAddress: z.string(),
});
export type Attendee = z.infer<typeof Attendee>;

/** Office.js's Recurrence object, with SeriesTime's fields instead of its methods. */
export const StoredRecurrence = z.object({
  recurrenceType: z.enum(["daily", "weekday", "weekly", "monthly", "yearly"]),
  recurrenceProperties: z.object({
    interval: z.number().int().min(1),
    days: z.array(z.string()).optional(),
    dayOfMonth: z.number().int().optional(),
    dayOfWeek: z.string().optional(),
    weekNumber: z.string().optional(),
    month: z.string().optional(),
    firstDayOfWeek: z.string().optional(),
  }),
  recurrenceTimeZone: z.object({ name: z.string(), offset: z.number().int() }),
  seriesTime: z.object({
    /** YYYY-MM-DD in the recurrence's time zone. */
    startDate: z.iso.date(),
    /** YYYY-MM-DD, or null for a series without an end. */
    endDate: z.iso.date().nullable(),
    /** HH:mm in the recurrence's time zone. */
    startTime: z.string().regex(/^\d{2}:\d{2}$/),
    durationMinutes: z.number().int().min(0),
  }),
});
export type StoredRecurrence = z.infer<typeof StoredRecurrence>;

export const NOTIFICATION_TYPES = [
  "progressIndicator",
  "informationalMessage",
  "errorMessage",
  "insightMessage",
] as const;

export const StoredNotification = z.object({
  key: z.string(),
  type: z.enum(NOTIFICATION_TYPES),
  message: z.string(),
  icon: z.string().optional(),
  persistent: z.boolean().optional(),
});
export type StoredNotification = z.infer<typeof StoredNotification>;

const JsonRecord = z.record(z.string(), z.json());
export type JsonRecord = z.infer<typeof JsonRecord>;

export const AppointmentState = z.object({
  subject: z.string(),
  /** item.sensitivity (Mailbox 1.14): Private hides the subject from delegates and shared views. */
  sensitivity: z.enum(["normal", "personal", "private", "confidential"]).default("normal"),
  location: z.string(),
  /** UTC instants, ISO 8601. */
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  recurrence: StoredRecurrence.nullable(),
  requiredAttendees: z.array(Attendee),
  optionalAttendees: z.array(Attendee),
  organizer: Attendee,
  body: z.object({ type: z.enum(["html", "text"]), value: z.string() }),
  /** The add-in's custom properties as saved on the item (organizer's copy). */
  customProperties: JsonRecord,
  /** An attendee's copy of the item has its own (empty) custom properties. */
  attendeeCustomProperties: JsonRecord,
  roamingSettings: JsonRecord,
  notifications: z.array(StoredNotification),
  /** Set by the first save; Outlook's EWS id of the item. */
  itemId: z.string().nullable(),
  /** Changes since the last save or send. */
  dirty: z.boolean(),
  sent: z.boolean(),
});
export type AppointmentState = z.infer<typeof AppointmentState>;

export const ORGANIZATION_DOMAIN = "region.example.se";

/** A new appointment as Outlook opens it: the next half hour, 30 minutes, nobody invited. */
export function newAppointment(user: string, now: Date, body: string): AppointmentState {
  const start = new Date(now);
  start.setSeconds(0, 0);
  start.setMinutes(start.getMinutes() < 30 ? 30 : 60);
  const end = new Date(start.getTime() + 30 * 60_000);
  return {
    subject: "",
    sensitivity: "normal",
    location: "",
    start: start.toISOString(),
    end: end.toISOString(),
    recurrence: null,
    requiredAttendees: [],
    optionalAttendees: [],
    organizer: { displayName: displayNameOf(user), emailAddress: `${user}@${ORGANIZATION_DOMAIN}` },
    body: { type: "html", value: body },
    customProperties: {},
    attendeeCustomProperties: {},
    roamingSettings: {},
    notifications: [],
    itemId: null,
    dirty: false,
    sent: false,
  };
}

/** "anna" → "Anna Andersson": fictional placeholder names only. */
export function displayNameOf(user: string): string {
  const known: Record<string, string> = { anna: "Anna Andersson", karl: "Karl Nilsson" };
  const name = known[user];
  if (name) return name;
  return user.charAt(0).toUpperCase() + user.slice(1);
}

/** "Namn <adress>" or a bare address, as a user types one attendee per line. */
export function parseAttendeeLine(line: string): Attendee | null {
  const trimmed = line.trim();
  if (!trimmed) return null;
  const named = /^(.*?)\s*<([^<>\s]+)>$/.exec(trimmed);
  if (named) {
    const address = named[2] ?? "";
    return {
      displayName: (named[1] ?? "").replace(/^"|"$/g, "") || address,
      emailAddress: address,
    };
  }
  return { displayName: trimmed, emailAddress: trimmed };
}

export function formatAttendeeLine(attendee: Attendee): string {
  return attendee.displayName && attendee.displayName !== attendee.emailAddress
    ? `${attendee.displayName} <${attendee.emailAddress}>`
    : attendee.emailAddress;
}
