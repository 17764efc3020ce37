// Outlook's side of the launch events declared in manifest.xml: which user actions run which
// associated function, and what Outlook does with event.completed's options on send (Smart
// Alerts, Mailbox 1.12/1.14/1.15): allow, or block with a dialog whose buttons follow the send
// mode, sendModeOverride and commandId.
import { versionAtLeast } from "./settings";
import type { JsonRecord } from "./state";
import type { HarnessStore, StoreChange } from "./store";

/** manifest.xml's LaunchEvent Type → FunctionName (test/dev checks they agree). */
export const LAUNCH_EVENTS = {
  OnAppointmentSend: "onAppointmentSend",
  OnAppointmentTimeChanged: "onAppointmentTimeChanged",
  OnAppointmentRecurrenceChanged: "onAppointmentRecurrenceChanged",
  OnAppointmentAttendeesChanged: "onAppointmentAttendeesChanged",
} as const;

/** The manifest's SendMode for OnAppointmentSend. */
export const MANIFEST_SEND_MODE: "SoftBlock" | "PromptUser" | "Block" = "SoftBlock";

/** Outlook shows its "taking longer than expected" notice after this long. */
export const TAKING_LONGER_MS = 5_000;
const MAX_MESSAGE_CHARS = 500;

export type AlertButton = "dontSend" | "sendAnyway" | "takeAction";

export interface SmartAlert {
  title: string;
  message: string;
  /** True when `message` is errorMessageMarkdown (Mailbox 1.15) rather than plain text. */
  markdown: boolean;
  buttons: Array<{ id: AlertButton; label: string }>;
  /** The task pane or function a Take Action button opens (the manifest's control id). */
  commandId: string | null;
}

/** What Outlook's own dialogs need from the page. */
export interface SendUi {
  showAlert(alert: SmartAlert): Promise<AlertButton>;
  /** Outlook's notice while a handler runs long; the user may give up sending. */
  showTakingLonger(): { answer: Promise<"dontSend">; close(): void };
  /** Take Action: open the add-in's task pane. */
  openPane(commandId: string): void;
}

export interface SendOutcome {
  sent: boolean;
  alert: SmartAlert | null;
  answer: AlertButton | null;
  /** What the handler did that Outlook would not accept as is (e.g. a message over 500 chars). */
  problems: string[];
}

export interface LaunchEventRun {
  name: string;
  init: JsonRecord;
  outcome: "running" | "completed" | "failed";
  options?: JsonRecord;
  error?: string;
}

const TEXTS = {
  "sv-SE": {
    dontSend: "Skicka inte",
    sendAnyway: "Skicka ändå",
    takeAction: "Vidta åtgärd",
    blocked: (addin: string) => `${addin} hindrar att mötet skickas.`,
  },
  "en-US": {
    dontSend: "Don't Send",
    sendAnyway: "Send Anyway",
    takeAction: "Take Action",
    blocked: (addin: string) => `${addin} is preventing this item from being sent.`,
  },
} as const;

export const ADDIN_NAME = "Skyddat vårdmöte";

export class LaunchEvents {
  readonly runs: LaunchEventRun[] = [];

  constructor(private readonly store: HarnessStore) {
    store.subscribe((change) => this.onChange(change));
  }

  /** Time and attendee changes made in the form (not by the add-in) run their handlers. */
  private onChange(change: StoreChange): void {
    if (change.by !== "user" || this.store.settings.mode !== "organizer") return;
    if (change.kind === "time") {
      const { start, end } = this.store.snapshot();
      void this.run(LAUNCH_EVENTS.OnAppointmentTimeChanged, {
        type: "olkAppointmentTimeChanged",
        start,
        end,
      });
    } else if (change.kind === "recurrence") {
      void this.run(LAUNCH_EVENTS.OnAppointmentRecurrenceChanged, {
        type: "olkRecurrenceChanged",
      });
    } else if (change.kind === "recipients") {
      void this.run(LAUNCH_EVENTS.OnAppointmentAttendeesChanged, {
        type: "olkRecipientsChanged",
        changedRecipientFields: { ...change.fields, resources: false },
      });
    }
  }

  /** Runs an associated function; resolves with its completed options (undefined if none ran). */
  run(name: string, init: JsonRecord): Promise<JsonRecord | undefined> | undefined {
    const invoked = this.store.invokeAction(name, init);
    if (!invoked) return undefined;
    const record: LaunchEventRun = { name, init, outcome: "running" };
    this.runs.push(record);
    return invoked.then(
      (options) => {
        record.outcome = "completed";
        if (options) record.options = options;
        return options;
      },
      (error: unknown) => {
        record.outcome = "failed";
        record.error = error instanceof Error ? error.message : String(error);
        throw error;
      },
    );
  }

  /** Skicka: onAppointmentSend decides; the item is sent only when it allows it. */
  async send(ui: SendUi): Promise<SendOutcome> {
    const running = this.run(LAUNCH_EVENTS.OnAppointmentSend, {});
    if (!running) return this.finish(true, null, null, []);
    // A handler that throws never calls completed: Outlook keeps waiting, as for a slow one.
    const completed = running.catch(() => new Promise<never>(() => {}));
    let notice: ReturnType<SendUi["showTakingLonger"]> | undefined;
    let giveUp: () => void = () => {};
    const gaveUp = new Promise<"gaveUp">((resolve) => (giveUp = () => resolve("gaveUp")));
    const timer = setTimeout(() => {
      notice = ui.showTakingLonger();
      void notice.answer.then(giveUp);
    }, TAKING_LONGER_MS);
    const first = await Promise.race([completed, gaveUp]);
    clearTimeout(timer);
    notice?.close();
    if (first === "gaveUp") return this.finish(false, null, "dontSend", []);

    const options = first ?? {};
    if (options.allowEvent !== false) return this.finish(true, null, null, []);
    const { alert, problems } = this.smartAlert(options);
    const answer = await ui.showAlert(alert);
    if (answer === "takeAction" && alert.commandId) ui.openPane(alert.commandId);
    return this.finish(answer === "sendAnyway", alert, answer, problems);
  }

  private finish(
    sent: boolean,
    alert: SmartAlert | null,
    answer: AlertButton | null,
    problems: string[],
  ): SendOutcome {
    if (sent) this.store.markSent();
    return { sent, alert, answer, problems };
  }

  /** The dialog Outlook shows for `event.completed({allowEvent: false, …})`. */
  smartAlert(options: JsonRecord): { alert: SmartAlert; problems: string[] } {
    const texts = TEXTS[this.store.settings.lang];
    const mailbox = this.store.requirements.mailbox;
    const problems: string[] = [];
    const markdown =
      versionAtLeast(mailbox, "1.15") && typeof options.errorMessageMarkdown === "string"
        ? options.errorMessageMarkdown
        : undefined;
    let message =
      markdown ?? (typeof options.errorMessage === "string" ? options.errorMessage : "");
    if (!message) message = texts.blocked(ADDIN_NAME);
    if (message.length > MAX_MESSAGE_CHARS) {
      problems.push(`the message has ${message.length} characters; Outlook allows 500`);
      message = message.slice(0, MAX_MESSAGE_CHARS);
    }
    const newer = versionAtLeast(mailbox, "1.14");
    const commandId = newer && typeof options.commandId === "string" ? options.commandId : null;
    const promptUser =
      MANIFEST_SEND_MODE === "PromptUser" || (newer && options.sendModeOverride === "promptUser");
    const cancelLabel = typeof options.cancelLabel === "string" ? options.cancelLabel : undefined;
    if (cancelLabel && cancelLabel.length > 20)
      problems.push(`cancelLabel has ${cancelLabel.length} characters; Outlook allows 20`);
    const buttons: SmartAlert["buttons"] = [{ id: "dontSend", label: texts.dontSend }];
    // Web, new Outlook and classic ≥ 2412: Take Action only with a commandId, labelled by cancelLabel.
    if (commandId)
      buttons.push({ id: "takeAction", label: (cancelLabel ?? texts.takeAction).slice(0, 20) });
    if (promptUser) buttons.push({ id: "sendAnyway", label: texts.sendAnyway });
    return {
      alert: { title: ADDIN_NAME, message, markdown: markdown !== undefined, buttons, commandId },
      problems,
    };
  }
}
