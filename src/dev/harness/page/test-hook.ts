// window.__svmHarness.hook: what browser tests (test/e2e/support/harness.ts) use to read the
// appointment as Outlook holds it and to act as the user would — every action goes through the
// same form controls and buttons a person uses.
import { bodyText } from "../html/clients";
import type { AlertButton, LaunchEventRun, LaunchEvents, SmartAlert } from "../store/launch-events";
import type { HarnessSettings } from "../store/settings";
import type { AppointmentState, JsonRecord, StoredNotification } from "../store/state";
import type { HarnessStore, Theme } from "../store/store";
import { byId, toLocalInput } from "./dom";
import type { Frames } from "./frames";
import type { SendController, SendSignal } from "./send";

export const FIELD_IDS = {
  Ämne: "subject",
  Plats: "location",
  Privat: "private",
  Start: "start",
  Slut: "end",
  Upprepning: "recurrence",
  "Slutdatum för upprepning": "recurrence-end",
  Deltagare: "attendees",
  Brödtext: "body-editor",
} as const;
export type FieldLabel = keyof typeof FIELD_IDS;

export interface AlertView {
  title: string;
  message: string;
  markdown: boolean;
  buttons: Array<{ id: AlertButton; label: string }>;
}

export interface SendView {
  sent: boolean;
  /** The Smart Alert on screen (still open when `sent` is false and `answer` null). */
  alert: AlertView | null;
  answer: AlertButton | null;
  problems: string[];
}

export interface HarnessHook {
  /** Resolves when the task pane and the launch-event runtime have loaded. */
  ready(): Promise<void>;
  settings(): HarnessSettings;
  state(): AppointmentState;
  rawBody(): string;
  bodyText(): string;
  /** The add-in's custom properties as saved on the item (what a reopened pane loads). */
  customProperties(): JsonRecord;
  location(): string;
  notifications(): StoredNotification[];
  saved(): { itemId: string | null; dirty: boolean; sent: boolean };
  /**
   * Types into a form field; Start/Slut take datetime-local or ISO values; Brödtext takes HTML;
   * Privat takes "on" or "off".
   */
  setField(label: FieldLabel, value: string): void;
  setRawBody(html: string): void;
  setTheme(theme: Theme): void;
  /** Clicks Skicka; resolves when sent, or when a Smart Alert is up (answer it with answerAlert). */
  send(): Promise<SendView>;
  answerAlert(button: AlertButton): Promise<SendView>;
  /** Clicks Spara; returns the item id. */
  save(): string;
  launchEvents(): LaunchEventRun[];
  /** Associates `function (event) { <body> }` in the launch-event runtime, as launchevent.js would. */
  associate(name: string, body: string): void;
  reloadPane(): Promise<void>;
}

export function createTestHook(
  store: HarnessStore,
  frames: Frames,
  sender: SendController,
  events: LaunchEvents,
): HarnessHook {
  let lastAlert: AlertView | null = null;
  const nextSignal = (): Promise<SendSignal> =>
    new Promise((resolve) => {
      const stop = sender.observe((signal) => {
        stop();
        resolve(signal);
      });
    });
  const view = (signal: SendSignal): SendView => {
    if (signal.kind === "alert") {
      lastAlert = alertView(signal.alert);
      return { sent: false, alert: lastAlert, answer: null, problems: [] };
    }
    const { sent, answer, problems } = signal.outcome;
    const alert = signal.outcome.alert ? alertView(signal.outcome.alert) : null;
    return { sent, alert, answer, problems };
  };

  return {
    ready: async () => {
      await Promise.all([frames.paneLoaded(), frames.commandsLoaded]);
    },
    settings: () => ({ ...store.settings, theme: store.theme }),
    state: () => store.snapshot(),
    rawBody: () => store.snapshot().body.value,
    bodyText: () => bodyText(store.snapshot().body.value),
    customProperties: () => store.snapshot().customProperties,
    location: () => store.snapshot().location,
    notifications: () => store.snapshot().notifications,
    saved: () => {
      const { itemId, dirty, sent } = store.snapshot();
      return { itemId, dirty, sent };
    },
    setField: (label, value) => setField(label, value),
    setRawBody: (html) => store.setRawBody(html),
    setTheme: (theme) => {
      const select = byId<HTMLSelectElement>("setting-theme");
      select.value = theme;
      select.dispatchEvent(new Event("change", { bubbles: true }));
    },
    send: async () => {
      const signal = nextSignal();
      byId<HTMLButtonElement>("send").click();
      return view(await signal);
    },
    answerAlert: async (button) => {
      const signal = nextSignal();
      const target = document.querySelector<HTMLButtonElement>(
        `#smart-alert-buttons [data-button="${button}"]`,
      );
      if (!target) throw new Error(`the Smart Alert has no ${button} button`);
      target.click();
      const result = view(await signal);
      return { ...result, alert: result.alert ?? lastAlert };
    },
    save: () => {
      byId<HTMLButtonElement>("save").click();
      return store.snapshot().itemId ?? "";
    },
    launchEvents: () => structuredClone(events.runs),
    associate: (name, body) => {
      const runtime = frames.commandsWindow() as
        (Window & { Office?: typeof Office; Function: FunctionConstructor }) | null;
      if (!runtime?.Office)
        throw new Error("the launch-event runtime is not loaded (attendee mode?)");
      // Built with the runtime's own Function, so the handler lives in that realm as launchevent.js does.
      runtime.Office.actions.associate(
        name,
        new runtime.Function("event", body) as (e: unknown) => void,
      );
    },
    reloadPane: () => frames.reloadPane(),
  };
}

function alertView(alert: SmartAlert): AlertView {
  return {
    title: alert.title,
    message: alert.message,
    markdown: alert.markdown,
    buttons: alert.buttons,
  };
}

function setField(label: FieldLabel, value: string): void {
  const id = FIELD_IDS[label];
  if (id === "body-editor") {
    const editor = byId("body-editor");
    editor.innerHTML = value;
    editor.dispatchEvent(new Event("input", { bubbles: true }));
    return;
  }
  if (id === "private") {
    const box = byId<HTMLInputElement>(id);
    box.checked = value === "on";
    box.dispatchEvent(new Event("change", { bubbles: true }));
    return;
  }
  const control = byId<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(id);
  const isTime = id === "start" || id === "end";
  control.value = isTime && /Z$|[+-]\d{2}:\d{2}$/.test(value) ? toLocalInput(value) : value;
  control.dispatchEvent(new Event("input", { bubbles: true }));
  control.dispatchEvent(new Event("change", { bubbles: true }));
}
