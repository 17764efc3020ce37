// Skicka and Spara. Skicka runs onAppointmentSend in the launch-event runtime (when associated)
// and sends only if it allows it; the Smart Alert decides otherwise. Observers (the test hook)
// hear when an alert is up and when a send has ended.
import type { LaunchEvents, SendOutcome, SendUi, SmartAlert } from "../store/launch-events";
import type { HarnessStore } from "../store/store";
import { byId } from "./dom";

export type SendSignal =
  { kind: "alert"; alert: SmartAlert } | { kind: "done"; outcome: SendOutcome };

export interface SendController {
  /** Starts a send (what clicking Skicka does); ignored while one runs. */
  start(): void;
  running(): boolean;
  observe(listener: (signal: SendSignal) => void): () => void;
}

export function bindSend(store: HarnessStore, events: LaunchEvents, ui: SendUi): SendController {
  const sendButton = byId<HTMLButtonElement>("send");
  const saveButton = byId<HTMLButtonElement>("save");
  const status = byId("status");
  const listeners = new Set<(signal: SendSignal) => void>();
  const signal = (s: SendSignal) => listeners.forEach((l) => l(s));
  let busy = false;

  if (store.settings.mode === "attendee") {
    sendButton.hidden = true;
    saveButton.hidden = true;
  }

  const observed: SendUi = {
    ...ui,
    showAlert: (alert) => {
      signal({ kind: "alert", alert });
      return ui.showAlert(alert);
    },
  };

  const start = (): void => {
    if (busy) return;
    busy = true;
    sendButton.disabled = true;
    status.textContent = "Skickar …";
    events
      .send(observed)
      .then((outcome) => {
        status.textContent = outcome.sent ? "Mötesinbjudan skickad." : "Mötet skickades inte.";
        for (const problem of outcome.problems) console.warn(`harness: Smart Alert: ${problem}`);
        signal({ kind: "done", outcome });
      })
      .finally(() => {
        busy = false;
        sendButton.disabled = false;
      });
  };

  sendButton.addEventListener("click", start);
  saveButton.addEventListener("click", () => {
    store.saveItem("user");
    status.textContent = "Mötet är sparat.";
  });

  return {
    start,
    running: () => busy,
    observe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
