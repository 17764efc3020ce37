// /harness/office.js: what the task pane, the commands page and dialogs load instead of
// Microsoft's Office.js. Inside the harness it builds the fake around the page's shared store;
// outside it behaves as Office.js does outside Office (onReady resolves with host null).
import { findHarness } from "./store/global";
import type { SessionKind } from "./store/store";
import { createOffice } from "./office/office";
import { HostType, PlatformType } from "./office/enums";

function sessionKind(): SessionKind {
  // A page opened by displayDialogAsync is a dialog, whichever page it is.
  if (window.opener && window.parent === window) return "dialog";
  return location.pathname.endsWith("/commands.html") ? "events" : "pane";
}

function outsideOffice(): Record<string, unknown> {
  const info = { host: null, platform: null };
  return {
    HostType,
    PlatformType,
    context: {},
    onReady: (callback?: (value: typeof info) => void) =>
      Promise.resolve(info).then((value) => {
        callback?.(value);
        return value;
      }),
  };
}

const harness = findHarness(window);
if (harness) {
  const fake = createOffice(harness.store, sessionKind(), window);
  Reflect.set(window, "Office", fake.office);
  addEventListener("pagehide", () => fake.close(), { once: true });
} else {
  Reflect.set(window, "Office", outsideOffice());
}
