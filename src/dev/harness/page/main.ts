// /harness.html: an Outlook appointment form, the add-in's task pane beside it, and the
// launch-event runtime behind it, all sharing one store on window.__svmHarness.
import { LaunchEvents } from "../store/launch-events";
import { HARNESS_GLOBAL, type HarnessGlobal } from "../store/global";
import { parseSettings, type HarnessSettings } from "../store/settings";
import { HarnessStore } from "../store/store";
import { bindBodyEditor } from "./body-editor";
import { byId } from "./dom";
import { bindForm } from "./form";
import { mountFrames } from "./frames";
import { bindInfobar } from "./infobar";
import { bindPatient } from "./patient";
import { loadAppointment, persistAppointment } from "./persistence";
import { bindSend } from "./send";
import { sendDialogs } from "./send-dialogs";
import { bindSettings } from "./settings-panel";
import { createTestHook, type HarnessHook } from "./test-hook";

export interface HarnessPageGlobal extends HarnessGlobal {
  hook: HarnessHook;
}

function settingsOrDefaults(): HarnessSettings {
  try {
    return parseSettings(location.search);
  } catch (error) {
    const message = byId("settings-error");
    message.hidden = false;
    message.textContent = `${error instanceof Error ? error.message : String(error)}. Standardinställningarna används.`;
    return parseSettings("");
  }
}

function main(): void {
  const settings = settingsOrDefaults();
  document.documentElement.dataset.client = settings.client;
  const store = new HarnessStore(settings, loadAppointment(settings));
  store.subscribe(() => persistAppointment(store));
  persistAppointment(store);
  const events = new LaunchEvents(store);

  bindForm(store);
  bindBodyEditor(store);
  bindInfobar(store);
  bindSettings(store);
  bindPatient(store);
  // The global must exist before the frames load: their fake Office.js looks for it.
  const global: Partial<HarnessPageGlobal> = { store };
  Reflect.set(window, HARNESS_GLOBAL, global);
  const frames = mountFrames(store);
  const sender = bindSend(
    store,
    events,
    sendDialogs(settings.lang, () => void frames.reloadPane()),
  );
  global.hook = createTestHook(store, frames, sender, events);
}

main();
