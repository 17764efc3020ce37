// Office.js as the launch-event runtime sees it: promisified reads of the appointment being
// composed. Classic Outlook's JavaScript-only runtime has no DOM and never runs Office.onReady,
// so nothing here touches either.
import type { AppointmentTimes } from "../shared/contract/window";

export type ComposeItem = Office.AppointmentCompose;

/**
 * Turns an Office `*Async(callback)` call into a promise that rejects with Office's error (the
 * handlers never show it: a failed read lets the item go, see launchevent.ts).
 */
export function officeCall<T>(
  start: (callback: (result: Office.AsyncResult<T>) => void) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    start((result) =>
      result.status === Office.AsyncResultStatus.Succeeded
        ? resolve(result.value)
        : reject(result.error),
    );
  });
}

export function supports(version: string): boolean {
  return Office.context.requirements?.isSetSupported("Mailbox", version) === true;
}

/**
 * The item's custom properties, loaded for one event; what they hold is read and written with
 * src/shared/appointment-state, as the pane does.
 */
export async function loadProperties(item: ComposeItem): Promise<Office.CustomProperties> {
  return officeCall<Office.CustomProperties>((cb) => item.loadCustomPropertiesAsync(cb));
}

export async function readText(
  item: ComposeItem,
): Promise<{ subject: string; location: string; bodyHtml: string }> {
  const [subject, location, bodyHtml] = await Promise.all([
    officeCall<string>((cb) => item.subject.getAsync(cb)),
    officeCall<string>((cb) => item.location.getAsync(cb)),
    officeCall<string>((cb) => item.body.getAsync(Office.CoercionType.Html, cb)),
  ]);
  return { subject: subject ?? "", location: location ?? "", bodyHtml: bodyHtml ?? "" };
}

/** Required and optional attendees as Outlook gives them (who counts: src/shared/checks). */
export async function readAttendees(item: ComposeItem): Promise<Office.EmailAddressDetails[]> {
  const lists = await Promise.all([
    officeCall<Office.EmailAddressDetails[]>((cb) => item.requiredAttendees.getAsync(cb)),
    officeCall<Office.EmailAddressDetails[]>((cb) => item.optionalAttendees.getAsync(cb)),
  ]);
  return lists.flatMap((list) => list ?? []);
}

export function addressesOf(attendees: Office.EmailAddressDetails[]): string[] {
  return attendees.map((a) => a.emailAddress ?? "");
}

export async function readTimes(item: ComposeItem): Promise<AppointmentTimes> {
  const [start, end] = await Promise.all([
    officeCall<Date>((cb) => item.start.getAsync(cb)),
    officeCall<Date>((cb) => item.end.getAsync(cb)),
  ]);
  let recurrence: AppointmentTimes["recurrence"] = null;
  if (supports("1.7") && item.recurrence) {
    const value = await officeCall<Office.Recurrence | null>((cb) => item.recurrence.getAsync(cb));
    if (value) recurrence = { endDate: value.seriesTime?.getEndDate?.() || null };
  }
  return { start: new Date(start), end: new Date(end), recurrence, occurrence: isOccurrence(item) };
}

/** One occurrence of a series: Outlook sets seriesId (Mailbox 1.7) only there. */
export function isOccurrence(item: ComposeItem): boolean {
  return supports("1.7") && typeof item.seriesId === "string" && item.seriesId !== "";
}

/**
 * A token for the service from Office's own sign-in (legacy Office SSO, the manifest's
 * WebApplicationInfo), without any UI: the launch-event runtime cannot show a prompt, and NAA's
 * bridge is not there in an event handler. Rejects (or throws, without Office.auth) where Office
 * cannot give one silently; the caller then leaves the update to the pane.
 */
export function silentOfficeToken(): Promise<string> {
  return Office.auth.getAccessToken({ allowSignInPrompt: false, allowConsentPrompt: false });
}

/** The organizer's own mailbox domain counts as the organisation even without a snapshot. */
export function userDomain(): string | null {
  const address = Office.context.mailbox?.userProfile?.emailAddress ?? "";
  const at = address.lastIndexOf("@");
  return at > 0 ? address.slice(at + 1).toLowerCase() : null;
}

export function displayLanguage(): string {
  return Office.context.displayLanguage ?? "sv-SE";
}
