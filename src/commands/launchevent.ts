// Launch-event handlers, registered with Office.actions.associate. This
// file is bundled into ONE self-contained script (dist/launchevent.js) because classic Outlook on
// Windows runs it in a JavaScript-only runtime: no imports, no DOM, no localStorage, and
// Office.onReady never runs, so registration happens at the top level. Web, new Outlook and Mac
// load the same script from commands.html.
import { windowFor, windowMatches } from "../shared/contract/window";
import { checkParticipantLimit } from "../shared/checks/participants";
import { attendeesOverLimit, langOf, timeChangedNotice } from "./messages";
import {
  addressesOf,
  readAttendees,
  displayLanguage,
  loadProperties,
  readText,
  readTimes,
  supports,
  userDomain,
} from "./office-event";
import { judgeSend, staleVerdict, type SendVerdict } from "./send-check";
import { syncWindow } from "./time-sync";
import { staffNamesOf } from "./staff-names";
import { readNotNames, readStoredBooking } from "../shared/appointment-state/state";

/** The task pane button's control id: Smart Alerts' "Take action" opens it (Mailbox 1.14). */
const PANE_COMMAND = "svmOrganizerButton";
const ATTENDEES_KEY = "svmAttendeeLimit";
const TIME_KEY = "svmTimeChanged";

function item(): Office.AppointmentCompose {
  return Office.context.mailbox.item as Office.AppointmentCompose;
}

function userEmail(): string {
  return Office.context.mailbox?.userProfile?.emailAddress ?? "";
}

function complete(event: Office.MailboxEvent, verdict: SendVerdict): void {
  if (verdict.kind === "allow" || verdict.kind === "stale")
    return event.completed({ allowEvent: true });
  const takeAction = supports("1.14") ? { commandId: PANE_COMMAND } : {};
  if (verdict.kind === "block") {
    return event.completed({ allowEvent: false, errorMessage: verdict.message, ...takeAction });
  }
  // A warning may be overridden only where Outlook can offer "Send anyway" (Mailbox 1.14); on
  // older clients a heuristic must not trap the user, so the item goes (the pane shows it too).
  if (!supports("1.14")) return event.completed({ allowEvent: true });
  event.completed({
    allowEvent: false,
    errorMessage: verdict.message,
    sendModeOverride: Office.MailboxEnums.SendModeOverride.PromptUser,
    ...takeAction,
  });
}

export async function onAppointmentSend(event: Office.MailboxEvent): Promise<void> {
  try {
    if (!supports("1.12")) return event.completed({ allowEvent: true });
    const compose = item();
    const [text, props, times, people] = await Promise.all([
      readText(compose),
      loadProperties(compose),
      readTimes(compose),
      readAttendees(compose),
    ]);
    const attendees = addressesOf(people);
    const staffNames = staffNamesOf(people);
    const booking = readStoredBooking(props);
    const domain = userDomain();
    const input = {
      ...text,
      attendees,
      organizer: userEmail(),
      now: new Date(),
      booking,
      staffNames,
      notNames: readNotNames(props),
      window: windowFor(times, booking?.snapshot ?? null),
      organisationDomains: [
        ...(booking?.snapshot?.organisationDomains ?? []),
        ...(domain ? [domain] : []),
      ],
    };
    const lang = langOf(displayLanguage());
    let verdict = judgeSend(input, lang);
    if (verdict.kind === "stale" && booking) {
      const synced = await syncWindow(props, booking, input.window, userEmail());
      verdict = synced ? judgeSend(input, lang, true) : staleVerdict(lang);
    }
    complete(event, verdict);
  } catch {
    // SoftBlock sends when the add-in cannot run at all; a failure to read the item is the same.
    event.completed({ allowEvent: true });
  }
}

/** Times or recurrence changed in the form: the booking's window follows (the same work for both). */
export async function onAppointmentTimeChanged(event: Office.MailboxEvent): Promise<void> {
  try {
    if (!supports("1.11")) return event.completed();
    const compose = item();
    const props = await loadProperties(compose);
    const booking = readStoredBooking(props);
    if (!booking?.snapshot) return event.completed();
    const window = windowFor(await readTimes(compose), booking.snapshot);
    const synced =
      windowMatches(booking.snapshot, window) ||
      (await syncWindow(props, booking, window, userEmail()));
    if (synced) await unnotify(compose, TIME_KEY);
    else await notify(compose, TIME_KEY, timeChangedNotice(langOf(displayLanguage())));
  } catch {
    // Nothing to undo: the pane and the send check compare the times again.
  }
  event.completed();
}

export async function onAppointmentAttendeesChanged(event: Office.MailboxEvent): Promise<void> {
  try {
    if (!supports("1.11")) return event.completed();
    const compose = item();
    const booking = readStoredBooking(await loadProperties(compose));
    const limit = booking?.snapshot?.participantLimit ?? null;
    const found =
      limit === null
        ? null
        : checkParticipantLimit(addressesOf(await readAttendees(compose)), userEmail(), limit);
    if (found?.kind === "overLimit") {
      await notify(compose, ATTENDEES_KEY, attendeesOverLimit(langOf(displayLanguage()), found));
    } else {
      await unnotify(compose, ATTENDEES_KEY);
    }
  } catch {
    // An informational notice only: failing to show it harms nothing.
  }
  event.completed();
}

function notify(compose: Office.AppointmentCompose, key: string, message: string): Promise<void> {
  return new Promise((resolve) => {
    compose.notificationMessages.replaceAsync(
      key,
      {
        type: Office.MailboxEnums.ItemNotificationMessageType.InformationalMessage,
        message,
        icon: "Icon.16",
        persistent: false,
      },
      () => resolve(),
    );
  });
}

/** Removes a notice; "not there" is as good as removed. */
function unnotify(compose: Office.AppointmentCompose, key: string): Promise<void> {
  return new Promise((resolve) => compose.notificationMessages.removeAsync(key, () => resolve()));
}

Office.actions.associate("onAppointmentSend", onAppointmentSend);
Office.actions.associate("onAppointmentTimeChanged", onAppointmentTimeChanged);
Office.actions.associate("onAppointmentRecurrenceChanged", onAppointmentTimeChanged);
Office.actions.associate("onAppointmentAttendeesChanged", onAppointmentAttendeesChanged);
