// Browser tests through the Outlook harness: the emulators and the real booking service (SQLite in
// a temp dir, every emulator on port 0, the pane signing in with the Entra emulator) plus the
// harness routes on a free loopback port, and Chromium showing /harness.html — the real built
// task pane in its iframe, the real launchevent.js in the launch-event runtime, both on the fake
// Office.js. Needs `npm run build` first (npm test does it).
//
//   const h = await startHarness({ client: "classic", lang: "en-US" });
//   await h.pane.getByRole("button", { name: "Skapa möte" }).click();
//   expect(await h.body()).toContain("…");
//   await h.close();
import { existsSync } from "node:fs";
import { readFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pino from "pino";
import type { FastifyInstance } from "fastify";
import type { Browser, BrowserContext, FrameLocator, Page } from "playwright-core";
import { registerHarnessRoutes } from "../../../src/dev/harness-routes";
import type { ClientMode } from "../../../src/dev/harness/html/clients";
import type { HarnessPageGlobal } from "../../../src/dev/harness/page/main";
import type { FieldLabel, HarnessHook, SendView } from "../../../src/dev/harness/page/test-hook";
import { settingsToSearch, HarnessSettings } from "../../../src/dev/harness/store/settings";
import type {
  AppointmentState,
  JsonRecord,
  StoredNotification,
} from "../../../src/dev/harness/store/state";
import type { AlertButton, LaunchEventRun } from "../../../src/dev/harness/store/launch-events";
import type { Emulators, GraphState, PexipState } from "../../../src/emulators";
import { buildApp } from "../../../src/server/app";
import { loadConfig } from "../../../src/server/config";
import { openStore, type Store } from "../../../src/server/db/database";
import { migrateToLatest } from "../../../src/server/db/migrate";
import { createProviders } from "../../../src/server/providers";
import { startTestEmulators, testEnv } from "../../server/support/test-app";
import { collectErrors, launchBrowser, newContext } from "./browser";
import { DIST, DIST_DEV } from "./static-server";

export type { FieldLabel, SendView, AlertButton };

/** The harness's settings (all optional; the query string of /harness.html). */
export type HarnessQuery = Partial<HarnessSettings>;

export interface HarnessServer {
  /** http://127.0.0.1:<port>: the service, the add-in's pages and the harness. */
  url: string;
  app: FastifyInstance;
  emu: Emulators;
  store: Store;
  close(): Promise<void>;
}

export interface HarnessServerOptions {
  /** Extra service environment (see test/server/support/test-app.ts testEnv). */
  env?: Record<string, string>;
}

/** The emulators, the real service and the harness routes, listening on a free loopback port. */
export async function startHarnessServer(
  options: HarnessServerOptions = {},
): Promise<HarnessServer> {
  for (const file of ["taskpane.html", "commands.html"])
    if (!existsSync(path.join(DIST, file)))
      throw new Error(`dist/${file} is missing: run npm run build (npm test does)`);
  for (const file of ["harness.html", "harness/office.js"])
    if (!existsSync(path.join(DIST_DEV, file)))
      throw new Error(`dist-dev/${file} is missing: run npm run build:harness (npm test does)`);
  const emu = await startTestEmulators();
  const dataDir = await mkdtemp(path.join(tmpdir(), "svm-harness-"));
  let store: Store | undefined;
  try {
    const config = loadConfig(
      testEnv(emu, {
        PUBLIC_ORIGIN: "http://127.0.0.1",
        STATIC_DIR: DIST,
        SQLITE_PATH: path.join(dataDir, "bookings.sqlite"),
        LOG_LEVEL: "warn",
        ...options.env,
      }),
    );
    store = openStore(config.database);
    await migrateToLatest(store.db);
    const app = await buildApp({
      config,
      db: store.db,
      providers: createProviders(config.providers),
      logger: pino({ level: "warn" }),
      defaultMetrics: false,
    });
    registerHarnessRoutes(app, { distDir: DIST, harnessDir: DIST_DEV, callers: emu.pexip });
    const address = await app.listen({ port: 0, host: "127.0.0.1" });
    const opened = store;
    return {
      url: address.replace("localhost", "127.0.0.1"),
      app,
      emu,
      store: opened,
      async close() {
        await app.close();
        await opened.close();
        await emu.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await store?.close();
    await emu.close();
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

export interface Harness {
  page: Page;
  context: BrowserContext;
  server: HarnessServer;
  /** The task pane's iframe (title "Skyddat vårdmöte"). */
  pane: FrameLocator;
  /** Uncaught page errors and console errors in the page and its frames. */
  errors: string[];
  /** Requests that tried to leave loopback (blocked). */
  blocked: string[];
  /** Types into a form field as a user would (Start/Slut: datetime-local or ISO; Brödtext: HTML). */
  setField(label: FieldLabel, value: string): Promise<void>;
  /** The body's text, as a reader sees it. */
  body(): Promise<string>;
  /** The body's HTML exactly as the client holds it (what body.getAsync(Html) returns). */
  rawBody(): Promise<string>;
  /** The add-in's custom properties as saved on the item (what a reopened pane loads). */
  customProperties(): Promise<JsonRecord>;
  location(): Promise<string>;
  notifications(): Promise<StoredNotification[]>;
  state(): Promise<AppointmentState>;
  saved(): Promise<{ itemId: string | null; dirty: boolean; sent: boolean }>;
  /** Clicks Skicka: resolves when sent, or with the Smart Alert that stopped it (still open). */
  send(): Promise<SendView>;
  /** Clicks a Smart Alert button ("dontSend" | "sendAnyway" | "takeAction"). */
  answerAlert(button: AlertButton): Promise<SendView>;
  /** Clicks Spara; resolves with the item id. */
  save(): Promise<string>;
  /** Closes and reopens the task pane (a new session: state must come from custom properties). */
  reloadPane(): Promise<void>;
  setTheme(theme: HarnessSettings["theme"]): Promise<void>;
  /** Associates `function (event) { <body> }` in the launch-event runtime (replacing launchevent.js's). */
  associate(name: string, body: string): Promise<void>;
  /** Launch-event runs so far (name, event init, completed options or error). */
  launchEvents(): Promise<LaunchEventRun[]>;
  /** The Pexip and Graph emulators' state (conferences, online meetings). */
  emulatorState(): Promise<{ pexip: PexipState; graph: GraphState }>;
  /** Opens the harness again with other settings (same service; the appointment is kept). */
  reopen(query: HarnessQuery): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions extends HarnessQuery {
  /** Reuse a browser (one per test file is cheapest); default: launch one for this harness. */
  browser?: Browser;
  /** Reuse a server; default: start one for this harness. */
  server?: HarnessServer;
  serverOptions?: HarnessServerOptions;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const { browser: givenBrowser, server: givenServer, serverOptions, ...query } = options;
  const server = givenServer ?? (await startHarnessServer(serverOptions));
  const browser = givenBrowser ?? (await launchBrowser());
  // Any page that still asks Microsoft's CDN for Office.js gets the harness's fake.
  const officeJs = await readFile(path.join(DIST_DEV, "harness", "office.js"), "utf8");
  const { context, blocked } = await newContext(browser, officeJs);
  const page = await context.newPage();
  const errors = collectErrors(page);

  /** Calls a method of the page's test hook (window.__svmHarness.hook) in the page. */
  const call = <K extends keyof HarnessHook>(
    method: K,
    ...args: Parameters<HarnessHook[K]>
  ): Promise<Awaited<ReturnType<HarnessHook[K]>>> =>
    page.evaluate(
      ([name, values]) => {
        const hook = (window as unknown as { __svmHarness: HarnessPageGlobal }).__svmHarness.hook;
        return (hook[name] as (...a: unknown[]) => unknown)(...values);
      },
      [method, args] as const,
    ) as Promise<Awaited<ReturnType<HarnessHook[K]>>>;

  const open = async (settings: HarnessQuery): Promise<void> => {
    const search = settingsToSearch(HarnessSettings.parse(settings));
    await page.goto(`${server.url}/harness.html${search}`);
    await page.waitForFunction(() => {
      const global = (window as unknown as { __svmHarness?: Partial<HarnessPageGlobal> })
        .__svmHarness;
      return global?.hook !== undefined;
    });
    await call("ready");
  };
  await open(query);

  return {
    page,
    context,
    server,
    pane: page.frameLocator('iframe[title="Skyddat vårdmöte"]'),
    errors,
    blocked,
    setField: (label, value) => call("setField", label, value),
    body: () => call("bodyText"),
    rawBody: () => call("rawBody"),
    customProperties: () => call("customProperties"),
    location: () => call("location"),
    notifications: () => call("notifications"),
    state: () => call("state"),
    saved: () => call("saved"),
    send: () => call("send"),
    answerAlert: (button) => call("answerAlert", button),
    save: () => call("save"),
    reloadPane: () => call("reloadPane"),
    setTheme: (theme) => call("setTheme", theme),
    associate: (name, body) => call("associate", name, body),
    launchEvents: () => call("launchEvents"),
    emulatorState: async () => ({
      pexip: server.emu.pexip.state(),
      graph: server.emu.graph.state(),
    }),
    reopen: (settings) => open({ ...query, ...settings }),
    async close() {
      await context.close();
      if (!givenBrowser) await browser.close();
      if (!givenServer) await server.close();
    },
  };
}

export type { ClientMode };
