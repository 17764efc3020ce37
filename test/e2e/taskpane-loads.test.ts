import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { collectErrors, launchBrowser, newContext } from "./support/browser";
import { minimalOfficeJs } from "./support/minimal-office";
import { DIST, serveDist } from "./support/static-server";

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

describe("the built task pane in Chromium", () => {
  it.each([
    ["sv-SE", "Redo."],
    ["en-US", "Ready."],
  ])(
    "starts under Outlook (%s) with Office.js answered locally and nothing fetched from outside",
    async (language, status) => {
      const { context, blocked } = await newContext(browser, minimalOfficeJs(language));
      const page = await context.newPage();
      const errors = collectErrors(page);
      await page.goto(`${server.url}/taskpane.html`);
      await expect.poll(() => page.getByRole("status").textContent()).toBe(status);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Skyddat vårdmöte");
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(language.slice(0, 2));
      expect(errors).toEqual([]);
      expect(blocked).toEqual([]);
      await context.close();
    },
  );

  it("tells the user to open it from Outlook when no Office host answers", async () => {
    const notOutlook = `window.Office = { HostType: { Outlook: "Outlook" }, context: {}, onReady: function () { return Promise.resolve({ host: null, platform: null }); } };`;
    const { context } = await newContext(browser, notOutlook);
    const page = await context.newPage();
    await page.goto(`${server.url}/taskpane.html`);
    await expect
      .poll(() => page.getByRole("status").textContent())
      .toMatch(/from an appointment in Outlook|från en mötesbokning i Outlook/);
    await context.close();
  });
});
