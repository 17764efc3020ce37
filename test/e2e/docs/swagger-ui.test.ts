// Swagger UI (development only, /docs) in Chromium: under the policy the service sends with it,
// the page runs its own scripts and shows the booking API's operations, without a console error.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../server/support/test-app";
import { launchBrowser } from "../support/browser";

let t: TestApp;
let url: string;
let browser: Browser;
beforeAll(async () => {
  t = await startTestApp();
  url = await t.app.listen({ port: 0, host: "127.0.0.1" });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe("Swagger UI in development", () => {
  it("renders the booking API from /openapi.json's document", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`${url}/docs`);
    await page.getByText("/api/v1/meetings", { exact: true }).first().waitFor();
    const doc = (await t.app.inject({ method: "GET", url: "/openapi.json" })).json() as {
      paths: Record<string, object>;
    };
    const operations = Object.values(doc.paths).reduce((n, p) => n + Object.keys(p).length, 0);
    expect(await page.locator(".opblock").count()).toBe(operations);
    expect(errors).toEqual([]);
    await page.close();
  });
});
