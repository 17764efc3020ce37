// One Chromium and one harness server per test file: started before the file's tests, closed
// after them. Each test opens its own harness page on them (a fresh appointment and pane).
import { afterAll, beforeAll } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser } from "./browser";
import {
  type Harness,
  type HarnessOptions,
  type HarnessServer,
  startHarness,
  startHarnessServer,
} from "./harness";

export interface HarnessSuite {
  /** The file's server (emulators, booking service, built pages); only inside tests. */
  readonly server: HarnessServer;
  /** A harness page on the file's browser and server. */
  open(options?: Omit<HarnessOptions, "browser" | "server" | "serverOptions">): Promise<Harness>;
}

export function harnessSuite(): HarnessSuite {
  let browser: Browser | undefined;
  let server: HarnessServer | undefined;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startHarnessServer()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = () => {
    if (!browser || !server) throw new Error("the harness suite starts in beforeAll");
    return { browser, server };
  };
  return {
    get server() {
      return started().server;
    },
    open: (options = {}) => startHarness({ ...options, ...started() }),
  };
}
