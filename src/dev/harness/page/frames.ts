// The add-in's two runtimes in the page: the task pane (an iframe, reopened by "Stäng och öppna
// fönstret igen" as closing and reopening the pane does in Outlook: a new session) and, for the
// organizer, the launch-event runtime (a hidden iframe with commands.html, the web runtime's way).
import type { HarnessStore } from "../store/store";
import { byId, el } from "./dom";

export interface Frames {
  /** Resolves when the current pane document has loaded. */
  paneLoaded(): Promise<void>;
  reloadPane(): Promise<void>;
  /** Resolves when the launch-event runtime has loaded (immediately for an attendee). */
  commandsLoaded: Promise<void>;
  commandsWindow(): Window | null;
  paneWindow(): Window | null;
}

export function mountFrames(store: HarnessStore): Frames {
  const paneHost = byId("pane-host");
  const paneUrl =
    store.settings.mode === "attendee"
      ? "/harness/taskpane.html?mode=attendee"
      : "/harness/taskpane.html";
  let pane: HTMLIFrameElement | null = null;
  let loaded: Promise<void> = Promise.resolve();

  const openPane = (): void => {
    pane?.remove(); // its pagehide ends the old session
    pane = el("iframe", { title: "Skyddat vårdmöte", src: paneUrl, name: "svm-taskpane" });
    const frame = pane;
    loaded = new Promise((resolve) =>
      frame.addEventListener("load", () => resolve(), { once: true }),
    );
    paneHost.append(frame);
  };
  openPane();
  byId("reload-pane").addEventListener("click", openPane);

  let commands: HTMLIFrameElement | null = null;
  let commandsLoaded = Promise.resolve();
  if (store.settings.mode === "organizer") {
    const frame = el("iframe", {
      title: "Skyddat vårdmöte – händelser",
      src: "/harness/commands.html",
      tabindex: "-1",
      "aria-hidden": "true",
    });
    commands = frame;
    commandsLoaded = new Promise((resolve) =>
      frame.addEventListener("load", () => resolve(), { once: true }),
    );
    byId("commands-host").append(frame);
  }

  return {
    paneLoaded: () => loaded,
    reloadPane: () => {
      openPane();
      return loaded;
    },
    commandsLoaded,
    commandsWindow: () => commands?.contentWindow ?? null,
    paneWindow: () => pane?.contentWindow ?? null,
  };
}
