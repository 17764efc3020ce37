// Browser tests run in Debian's Chromium (no browser download is possible on these machines),
// driven by playwright-core. Office.js's CDN request is answered locally, so the
// built pages load exactly as in Outlook, with their production <script> tag unchanged.
import { existsSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} not found: install Debian's chromium (apt-get install chromium); .ci/run does`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-quic",
      "--no-first-run",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * A context that can reach only loopback: Office.js comes from `officeJs` and every other
 * non-local request fails, so a test proves the page fetches nothing at run time.
 */
export async function newContext(
  browser: Browser,
  officeJs: string,
): Promise<{ context: BrowserContext; blocked: string[] }> {
  const context = await browser.newContext();
  const blocked: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS_URL)
      return route.fulfill({ contentType: "text/javascript", body: officeJs });
    const host = new URL(url).hostname;
    if (
      host === "127.0.0.1" ||
      host === "localhost" ||
      url.startsWith("data:") ||
      url.startsWith("blob:")
    )
      return route.continue();
    blocked.push(url);
    return route.abort("blockedbyclient");
  });
  return { context, blocked };
}

/** Collects uncaught page errors and console errors, which a test should expect to be empty. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(`pageerror: ${err.message}`));
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(`console: ${msg.text()}`);
  });
  return errors;
}
