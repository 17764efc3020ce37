import {
  readNotNames,
  readPendingCreate,
  readStoredBooking,
  writeBooking,
  writeNotName,
  writePendingCreate,
  writeSnapshot,
  readMarkedPrivate,
  writeMarkedPrivate,
} from "../../shared/appointment-state";
import { officeCall } from "./async";
import { OfficeError } from "./office-error";
import type {
  AppointmentChange,
  AppointmentTimes,
  BookingRef,
  ComposeAppointment,
  RecurrenceInfo,
} from "./ports";
import { supports } from "./requirements";

const EVENTS: ReadonlyArray<[string, AppointmentChange]> = [
  ["AppointmentTimeChanged", "times"],
  ["RecipientsChanged", "recipients"],
  ["RecurrenceChanged", "recurrence"],
];

function addresses(recipients: Office.EmailAddressDetails[] | undefined): string[] {
  return (recipients ?? [])
    .map((recipient) => recipient.emailAddress.trim().toLowerCase())
    .filter((address) => address !== "");
}

function names(recipients: Office.EmailAddressDetails[] | undefined): string[] {
  return (recipients ?? []).flatMap((recipient) =>
    [recipient.displayName, recipient.emailAddress].filter(
      (value): value is string => typeof value === "string" && value.trim() !== "",
    ),
  );
}

function recurrenceInfo(recurrence: Office.Recurrence | null): RecurrenceInfo | null {
  if (!recurrence) return null;
  const endDate = recurrence.seriesTime?.getEndDate?.();
  return { endDate: endDate ? endDate : null };
}

function isClassic(): boolean {
  return String(Office.context.diagnostics?.platform) === "PC";
}

/** The compose-form appointment (organizer) on top of `Office.context.mailbox.item`. */
export function createComposeAppointment(
  item: Office.AppointmentCompose = Office.context.mailbox.item as Office.AppointmentCompose,
): ComposeAppointment {
  let properties: Office.CustomProperties | null = null;
  const loadProperties = async (): Promise<Office.CustomProperties> => {
    properties ??= await officeCall<Office.CustomProperties>((cb) =>
      item.loadCustomPropertiesAsync(cb),
    );
    return properties;
  };

  const saveIfPossible = async (): Promise<void> => {
    if (supports("Mailbox", "1.3") && typeof item.saveAsync === "function")
      await officeCall<string>((cb) => item.saveAsync(cb)).catch(() => {});
  };
  // Classic Outlook keeps custom properties set in compose only once the item is saved.
  const keepOnClassic = async (): Promise<void> => {
    if (isClassic()) await saveIfPossible();
  };

  return {
    getSubject: () => officeCall<string>((cb) => item.subject.getAsync(cb)),
    getLocation: () => officeCall<string>((cb) => item.location.getAsync(cb)),
    async markPrivate() {
      if (!supports("Mailbox", "1.14") || !item.sensitivity) return false;
      const Private = Office.MailboxEnums.AppointmentSensitivityType.Private;
      const now = await officeCall<Office.MailboxEnums.AppointmentSensitivityType>((cb) =>
        item.sensitivity.getAsync(cb),
      );
      if (now === Private) return true;
      await officeCall<void>((cb) => item.sensitivity.setAsync(Private, cb));
      const props = await loadProperties();
      writeMarkedPrivate(props, true);
      await officeCall<void>((cb) => props.saveAsync(cb));
      await keepOnClassic();
      return true;
    },
    async unmarkPrivate() {
      if (!supports("Mailbox", "1.14") || !item.sensitivity) return;
      const props = await loadProperties();
      if (!readMarkedPrivate(props)) return;
      const { Normal, Private } = Office.MailboxEnums.AppointmentSensitivityType;
      const now = await officeCall<Office.MailboxEnums.AppointmentSensitivityType>((cb) =>
        item.sensitivity.getAsync(cb),
      );
      // Changed since (Konfidentiellt, or Normal already): the user's, left as it is.
      if (now === Private) await officeCall<void>((cb) => item.sensitivity.setAsync(Normal, cb));
      writeMarkedPrivate(props, false);
      await officeCall<void>((cb) => props.saveAsync(cb));
      await keepOnClassic();
    },
    setSubject: (value) => officeCall<void>((cb) => item.subject.setAsync(value, cb)),
    setLocation: (value) => officeCall<void>((cb) => item.location.setAsync(value, cb)),

    async getBody() {
      const type = await officeCall<Office.CoercionType>((cb) => item.body.getTypeAsync(cb));
      if (type !== Office.CoercionType.Html) {
        throw new OfficeError(9041, "PlainTextBody", "the appointment body is plain text");
      }
      return officeCall<string>((cb) => item.body.getAsync(Office.CoercionType.Html, cb));
    },
    setBody: (html) =>
      officeCall<void>((cb) =>
        item.body.setAsync(html, { coercionType: Office.CoercionType.Html }, cb),
      ),

    async getTimes(): Promise<AppointmentTimes> {
      const [start, end] = await Promise.all([
        officeCall<Date>((cb) => item.start.getAsync(cb)),
        officeCall<Date>((cb) => item.end.getAsync(cb)),
      ]);
      const recurrence =
        supports("Mailbox", "1.7") && item.recurrence
          ? recurrenceInfo(
              await officeCall<Office.Recurrence>((cb) => item.recurrence.getAsync(cb)),
            )
          : null;
      // Outlook sets seriesId only on one occurrence of a series (Mailbox 1.7).
      const occurrence =
        supports("Mailbox", "1.7") && typeof item.seriesId === "string" && item.seriesId !== "";
      return { start: new Date(start), end: new Date(end), recurrence, occurrence };
    },

    async getAttendees() {
      const [required, optional] = await Promise.all([
        officeCall<Office.EmailAddressDetails[]>((cb) => item.requiredAttendees.getAsync(cb)),
        officeCall<Office.EmailAddressDetails[]>((cb) => item.optionalAttendees.getAsync(cb)),
      ]);
      return [...addresses(required), ...addresses(optional)];
    },

    async getStaffNames() {
      const [required, optional, organizer] = await Promise.all([
        officeCall<Office.EmailAddressDetails[]>((cb) => item.requiredAttendees.getAsync(cb)),
        officeCall<Office.EmailAddressDetails[]>((cb) => item.optionalAttendees.getAsync(cb)),
        // item.organizer is Mailbox 1.7; in compose the organizer is the signed-in user anyway.
        supports("Mailbox", "1.7") && item.organizer
          ? officeCall<Office.EmailAddressDetails>((cb) => item.organizer.getAsync(cb)).catch(
              () => null,
            )
          : Promise.resolve(null),
      ]);
      const profile = Office.context.mailbox.userProfile;
      return [
        ...names(organizer ? [organizer] : []),
        ...names([
          {
            displayName: profile.displayName,
            emailAddress: profile.emailAddress,
          } as Office.EmailAddressDetails,
        ]),
        ...names(required),
        ...names(optional),
      ];
    },

    // The custom properties: what is stored and how is src/shared/appointment-state's business;
    // here only loading (once per pane) and saving.
    loadNotNames: async () => readNotNames(await loadProperties()),

    async addNotName(text) {
      const props = await loadProperties();
      writeNotName(props, text);
      await officeCall<void>((cb) => props.saveAsync(cb));
      // Classic Outlook keeps compose-time properties only once the item is saved; without this
      // the dismissal would be forgotten with the pane (and the send check would warn again).
      await keepOnClassic();
    },

    loadBookingRef: async () => readStoredBooking(await loadProperties()),

    async saveBookingRef(ref: BookingRef | null) {
      const props = await loadProperties();
      writeBooking(props, ref);
      await officeCall<void>((cb) => props.saveAsync(cb));
    },

    async saveSnapshot(snapshot) {
      const props = await loadProperties();
      writeSnapshot(props, snapshot);
      await officeCall<void>((cb) => props.saveAsync(cb));
    },

    loadPendingCreate: async () => readPendingCreate(await loadProperties()),

    async savePendingCreate(pending) {
      const props = await loadProperties();
      writePendingCreate(props, pending);
      await officeCall<void>((cb) => props.saveAsync(cb));
      // Classic Outlook keeps properties set in compose only once the item is saved: without
      // this a pane closed mid-create would leave no trace for the reopened one to find.
      if (pending && isClassic()) await saveIfPossible();
    },

    async saveItem() {
      if (!supports("Mailbox", "1.3") || typeof item.saveAsync !== "function") return false;
      await officeCall<string>((cb) => item.saveAsync(cb));
      return true;
    },

    async watch(onChange) {
      if (!supports("Mailbox", "1.7") || typeof item.addHandlerAsync !== "function") return null;
      const registered: string[] = [];
      for (const [eventType, change] of EVENTS) {
        try {
          await officeCall<void>((cb) =>
            item.addHandlerAsync(eventType, () => onChange(change), cb),
          );
          registered.push(eventType);
        } catch {
          // A client without this one event still gives us the others; polling covers the rest.
        }
      }
      if (registered.length === 0) return null;
      return async () => {
        for (const eventType of registered) {
          await officeCall<void>((cb) => item.removeHandlerAsync(eventType, cb)).catch(() => {});
        }
      };
    },
  };
}
