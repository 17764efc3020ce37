// The `Office` namespace the harness hands to the task pane, the launch-event runtime and dialogs:
// built in the caller's realm around the harness page's shared store.
import { ok } from "../store/errors";
import { versionAtLeast } from "../store/settings";
import type { JsonRecord } from "../store/state";
import type { HarnessStore, SessionKind } from "../store/store";
import { argumentException, copyJson, OperationQueue, type Callback } from "./async";
import { createActions } from "./actions";
import type { FakeContext } from "./context";
import { createUi } from "./dialog";
import {
  AsyncResultStatus,
  CoercionType,
  EventType,
  HostType,
  InitializationReason,
  MailboxEnums,
  PlatformType,
} from "./enums";
import { createMailbox } from "./mailbox";
import { SeriesTime } from "./recurrence";
import { officeTheme } from "./theme";

const PLATFORMS = {
  web: PlatformType.OfficeOnline,
  classic: PlatformType.PC,
  mac: PlatformType.Mac,
};

export interface FakeOffice {
  office: Record<string, unknown> & { initialize?: (reason: string) => void };
  /** Ends the session: handlers stop, classic Outlook forgets unsaved custom properties. */
  close(): void;
}

export function createOffice(store: HarnessStore, kind: SessionKind, win?: Window): FakeOffice {
  const session = store.openSession(kind);
  const cleanups: Array<() => void> = [];
  const ctx: FakeContext = {
    store,
    session,
    queue: new OperationQueue(store.settings.latency),
    onClose: (cleanup) => cleanups.push(cleanup),
  };
  const platform = PLATFORMS[store.settings.client];
  const info = { host: HostType.Outlook, platform };
  const lang = store.settings.lang;

  const office: FakeOffice["office"] = {
    HostType,
    PlatformType,
    AsyncResultStatus,
    CoercionType,
    EventType,
    InitializationReason,
    MailboxEnums,
    SeriesTime,
    Promise,
    context: {
      host: HostType.Outlook,
      platform,
      displayLanguage: lang,
      contentLanguage: lang,
      get officeTheme() {
        return officeTheme(store.theme);
      },
      diagnostics: { host: HostType.Outlook, platform, version: "16.0" },
      requirements: {
        isSetSupported: (name: unknown, version?: unknown) => isSetSupported(store, name, version),
      },
      ...(kind === "dialog"
        ? {}
        : { mailbox: createMailbox(ctx), roamingSettings: roamingSettings(ctx) }),
      ui: createUi(ctx, win),
    },
    actions: createActions(ctx, kind === "events"),
  };

  // Office initializes on its own schedule: onReady resolves, and Office.initialize runs, later.
  const ready = new Promise<typeof info>((resolve) => {
    setTimeout(() => {
      office.initialize?.(InitializationReason.Inserted);
      resolve(info);
    }, 0);
  });
  office.onReady = (callback?: unknown) => {
    if (callback !== undefined && typeof callback !== "function")
      throw argumentException("callback", "onReady");
    return ready.then((value) => {
      (callback as ((i: typeof info) => void) | undefined)?.(value);
      return value;
    });
  };

  return {
    office,
    close() {
      for (const cleanup of cleanups.splice(0)) cleanup();
      store.closeSession(session);
    },
  };
}

function isSetSupported(store: HarnessStore, name: unknown, version: unknown): boolean {
  if (typeof name !== "string") return false;
  const wanted =
    typeof version === "string" ? version : typeof version === "number" ? String(version) : "1.1";
  switch (name.toLowerCase()) {
    case "mailbox":
      return versionAtLeast(store.requirements.mailbox, wanted);
    case "nestedappauth":
      return store.requirements.nestedAppAuth && versionAtLeast("1.1", wanted);
    case "dialogapi":
      return versionAtLeast("1.2", wanted);
    default:
      return false;
  }
}

/** Office.context.roamingSettings: per add-in and mailbox, kept by the store. */
function roamingSettings(ctx: FakeContext) {
  const values: JsonRecord = copyJson(ctx.store.peek().roamingSettings);
  return {
    get: (name: string): unknown => copyJson(values[name]),
    set: (name: string, value: unknown): void => {
      values[name] = copyJson(value as JsonRecord[string]);
    },
    remove: (name: string): void => {
      delete values[name];
    },
    saveAsync(callback?: Callback<void>): void {
      const snapshot = copyJson(values);
      ctx.queue.run({ options: {}, asyncContext: undefined, callback }, () => {
        ctx.store.setRoamingSettings(snapshot);
        return ok(undefined);
      });
    },
  };
}
