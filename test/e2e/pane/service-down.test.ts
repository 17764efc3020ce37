// A pane opened while the service is down says so in Swedish instead of showing a blank frame
// (issue 16, "Messages that are true"). The pane comes from the service's real page route with
// its production headers, into the harness's appointment, and Chromium's own HTTP cache decides
// what opens: no Playwright routes here, because Playwright turns the cache off when it routes.
// Office.js is answered at its CDN address by the DevTools protocol instead (Microsoft's CDN
// stays up when our service is down).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, CDPSession, FrameLocator, Page } from "playwright-core";
import type { HarnessPageGlobal } from "../../../src/dev/harness/page/main";
import { sv } from "../../../src/taskpane/i18n/sv";
import { OFFICE_JS_URL, launchBrowser } from "../support/browser";
import { startHarnessServer, type HarnessServer } from "../support/harness";
import { DIST_DEV } from "../support/static-server";

const PANE = 'iframe[title="Skyddat vårdmöte"]';
/** What taskpane.html's inline fallback says (its Swedish words, as a user reads them). */
const CANNOT_START =
  "Skyddat vårdmöte kunde inte starta: tjänsten går inte att nå just nu. Försök igen om en stund; kvarstår felet, kontakta IT-support.";
const STILL_DOWN = "Tjänsten går fortfarande inte att nå. Försök igen om en stund.";

let browser: Browser;
let officeJs: string;
const servers: HarnessServer[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  officeJs = await readFile(path.join(DIST_DEV, "harness", "office.js"), "utf8");
});

afterAll(async () => {
  await browser?.close();
  for (const server of servers) await server.close();
});

interface Outlook {
  page: Page;
  context: BrowserContext;
  /** The pane's frame. */
  pane: FrameLocator;
  /** Closes the pane and opens it again from the service's /taskpane.html (a new navigation). */
  openPane(): Promise<void>;
  /** While true, the pane's main bundle fails to load as if the network dropped it. */
  failBundle(fail: boolean): void;
}

/**
 * The harness's appointment in a context with Chromium's HTTP cache on. `failFromStart`: the pane's
 * bundle does not arrive from the start (the harness's own pane would otherwise cache it).
 */
async function outlook(server: HarnessServer, failFromStart = false): Promise<Outlook> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp: CDPSession = await context.newCDPSession(page);
  let failBundle = failFromStart;
  cdp.on("Fetch.requestPaused", (event: { requestId: string; request: { url: string } }) => {
    const { requestId, request } = event;
    const reply =
      request.url === OFFICE_JS_URL
        ? cdp.send("Fetch.fulfillRequest", {
            requestId,
            responseCode: 200,
            responseHeaders: [{ name: "content-type", value: "text/javascript" }],
            body: Buffer.from(officeJs).toString("base64"),
          })
        : failBundle
          ? cdp.send("Fetch.failRequest", { requestId, errorReason: "ConnectionRefused" })
          : cdp.send("Fetch.continueRequest", { requestId });
    // A request of a frame already closed has nothing left to answer.
    reply.catch(() => {});
  });
  // Only requests that go to the network pause here: a file served from the cache never does.
  await cdp.send("Fetch.enable", {
    patterns: [{ urlPattern: OFFICE_JS_URL }, { urlPattern: "*/taskpane.*.js" }],
  });
  await page.goto(`${server.url}/harness.html`);
  await page.waitForFunction(
    () => (window as unknown as { __svmHarness?: HarnessPageGlobal }).__svmHarness?.hook,
  );
  return {
    page,
    context,
    pane: page.frameLocator(PANE),
    async openPane() {
      // As the harness's "Stäng och öppna fönstret igen", with the production page.
      await page.evaluate((selector) => {
        const old = document.querySelector(selector);
        const frame = document.createElement("iframe");
        frame.title = "Skyddat vårdmöte";
        frame.src = "/taskpane.html";
        if (old) old.replaceWith(frame);
        else document.body.append(frame);
      }, PANE);
    },
    failBundle: (fail) => {
      failBundle = fail;
    },
  };
}

/** The service stops as a process does: it stops listening and every connection drops. */
async function stop(server: HarnessServer): Promise<void> {
  const closing = server.app.close();
  server.app.server.closeAllConnections();
  await closing;
}

async function startServer(): Promise<HarnessServer> {
  const server = await startHarnessServer();
  servers.push(server);
  return server;
}

describe("a pane opened while the service is down", () => {
  it("opens from the browser's cache and tells the user in Swedish", async () => {
    const server = await startServer();
    const o = await outlook(server);
    await o.openPane();
    await o.pane.getByRole("button", { name: sv.createMeeting, exact: true }).waitFor();

    await stop(server);
    await o.openPane();

    // The pane itself opens (page and scripts from the cache, the meeting types from the
    // service's five-minute cache), not the browser's error page; the first call to the service
    // ends in a message from the pane's Swedish catalogue.
    await o.pane.getByRole("button", { name: sv.createMeeting, exact: true }).click();
    const status = o.pane.getByRole("status").filter({ hasText: /\S/ });
    await status.waitFor();
    expect(await o.pane.getByRole("heading", { level: 1 }).textContent()).toBe("Skyddat vårdmöte");
    expect(Object.values(sv)).toContain(await status.textContent());
    expect(await o.pane.locator("#boot-failed").count()).toBe(0);
    await o.context.close();
  });

  it("says so with Försök igen when the pane's scripts are not in the cache, and keeps saying it", async () => {
    const server = await startServer();
    // Opened once while its bundle did not arrive: the page is cached, the bundle is not.
    const o = await outlook(server, true);
    await o.openPane();
    await expect.poll(() => o.pane.getByRole("alert").textContent()).toBe(CANNOT_START);

    await stop(server);
    o.failBundle(false);
    await o.openPane();
    await expect.poll(() => o.pane.getByRole("alert").textContent()).toBe(CANNOT_START);
    expect(await o.pane.getByRole("heading", { level: 1 }).textContent()).toBe("Skyddat vårdmöte");
    expect(await o.pane.locator("html").getAttribute("lang")).toBe("sv");

    // Försök igen while the service is still down: the message stays ours and says so.
    await o.pane.getByRole("button", { name: "Försök igen", exact: true }).click();
    await expect.poll(() => o.pane.getByRole("alert").textContent()).toBe(STILL_DOWN);
    expect(await o.pane.getByRole("button", { name: "Försök igen", exact: true }).isEnabled()).toBe(
      true,
    );
    await o.context.close();
  });

  it("starts the pane with Försök igen once its scripts can load again", async () => {
    const server = await startServer();
    const o = await outlook(server, true);
    await o.openPane();
    await expect.poll(() => o.pane.getByRole("alert").textContent()).toBe(CANNOT_START);

    o.failBundle(false);
    await o.pane.getByRole("button", { name: "Försök igen", exact: true }).click();
    await o.pane.getByRole("button", { name: sv.createMeeting, exact: true }).waitFor();
    // The fallback is gone once the pane runs: one heading, no leftover alert.
    expect(await o.pane.getByRole("heading", { level: 1 }).count()).toBe(1);
    expect(await o.pane.locator("#boot-failed").count()).toBe(0);
    await o.context.close();
  });
});
