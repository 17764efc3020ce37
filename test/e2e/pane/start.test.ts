// The built pane's start, outside the harness: Office.js answered locally (its CDN tag stays as
// in production), nothing fetched from outside, the language from Outlook, and a plain message
// when there is no appointment to work on.
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext } from "playwright-core";
import { sv } from "../../../src/taskpane/i18n/sv";
import { en } from "../../../src/taskpane/i18n/en";
import { collectErrors, launchBrowser, newContext } from "../support/browser";
import { minimalOfficeJs } from "../support/minimal-office";
import { DIST, serveDist } from "../support/static-server";

let browser: Browser;
let server: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  if (!existsSync(`${DIST}taskpane.html`))
    throw new Error("dist/ is missing: run npm run build (npm test does)");
  browser = await launchBrowser();
  server = await serveDist();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The static server has no API: answer the pane's first call as the service would. */
async function withClientConfig(context: BrowserContext): Promise<void> {
  await context.route("**/api/v1/client-config", (route) =>
    route.fulfill({
      contentType: "application/json",
      body: JSON.stringify({
        signIn: { kind: "emulator", tokenUrl: "http://127.0.0.1:9/token", scopes: ["api://x/y"] },
        apiBaseUrl: "/api/v1",
        organisationDomains: [],
        consumerEmailDomains: [],
        joinHosts: [],
      }),
    }),
  );
}

describe("the built task pane in Chromium", () => {
  it.each([
    ["sv-SE", "sv", sv.openFromOutlook],
    ["en-US", "en", en.openFromOutlook],
  ])(
    "starts under Outlook (%s) with Office.js answered locally and nothing fetched from outside",
    async (language, lang, message) => {
      const { context, blocked } = await newContext(browser, minimalOfficeJs(language));
      await withClientConfig(context);
      const page = await context.newPage();
      const errors = collectErrors(page);
      await page.goto(`${server.url}/taskpane.html`);
      // The minimal host has no appointment open: the pane says where to open it, in Outlook's language.
      await expect.poll(() => page.getByRole("status").textContent()).toBe(message);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Skyddat vårdmöte");
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      expect(errors).toEqual([]);
      expect(blocked).toEqual([]);
      await context.close();
    },
  );

  it("tells the user to open it from Outlook when no Office host answers", async () => {
    const notOutlook = `window.Office = { HostType: { Outlook: "Outlook" }, context: {}, onReady: function () { return Promise.resolve({ host: null, platform: null }); } };`;
    const { context } = await newContext(browser, notOutlook);
    await withClientConfig(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/taskpane.html`);
    await expect
      .poll(() => page.getByRole("status").textContent())
      .toMatch(/from an appointment in Outlook|från en mötesbokning i Outlook/);
    await context.close();
  });
});
