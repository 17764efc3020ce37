// The task pane's figures against its budgets, measured in Chromium through the Outlook harness
// with the real service and emulators (zero latency):
//   - first JS: the scripts taskpane.html loads, gzip; and all JS the pane fetched until ready
//   - pane ready (type picker usable / existing booking shown) with 4× CPU slowdown
//   - Skapa möte click → block in the body, p50/p95 over 50 runs
// Needs `npm run build`. Run alone: npx tsx scripts/bench-pane.ts
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser } from "../test/e2e/support/browser";
import { type HarnessServer, startHarness, startHarnessServer } from "../test/e2e/support/harness";
import { DIST } from "../test/e2e/support/static-server";

const CPU_SLOWDOWN = 4;
const READY_RUNS = 7;
const CREATE_RUNS = 50;
const PANE_FRAME = 'iframe[title="Skyddat vårdmöte"]';

type Figures = Record<string, number | string>;

function gzipSize(file: string): number {
  return gzipSync(readFileSync(path.join(DIST, file))).length;
}

/** The scripts taskpane.html itself loads (the entry chunks), gzip. */
function firstJsBytes(): { bytes: number; files: string[] } {
  const html = readFileSync(path.join(DIST, "taskpane.html"), "utf8");
  const files = [...html.matchAll(/<script[^>]+src="\/?([^"]+\.js)"/g)]
    .map((m) => m[1] ?? "")
    .filter((src) => !src.startsWith("http"));
  return { bytes: files.reduce((sum, file) => sum + gzipSize(file), 0), files };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? NaN;
}

const round = (ms: number): number => Math.round(ms * 10) / 10;

/** Marks, inside the pane's frame, the moment it is usable: picker inputs or the booked heading. */
const READY_PROBE = `(() => {
  if (!location.pathname.endsWith("/harness/taskpane.html")) return;
  const check = () => {
    if (window.__paneReadyAt) return;
    if (document.querySelector('[role="radiogroup"] input') || document.getElementById("booked-heading")) {
      window.__paneReadyAt = performance.now();
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true });
})();`;

/** 4× CPU slowdown and no HTTP cache: every open pays for parsing and fetching all it needs. */
async function throttle(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
}

/** When the (re)opened pane became usable, and the scripts it had fetched by then. */
async function paneReadyAt(
  page: Page,
): Promise<{ at: number; js: string[]; marks: Record<string, number> }> {
  await page.waitForFunction(
    (selector) => {
      const frame = document.querySelector<HTMLIFrameElement>(selector)?.contentWindow as
        (Window & { __paneReadyAt?: number }) | null | undefined;
      return frame?.__paneReadyAt !== undefined;
    },
    PANE_FRAME,
    { timeout: 60_000 },
  );
  return page.evaluate((selector) => {
    const frame = document.querySelector<HTMLIFrameElement>(selector)?.contentWindow as Window & {
      __paneReadyAt: number;
      performance: Performance;
    };
    const at = frame.__paneReadyAt;
    const js = frame.performance
      .getEntriesByType("resource")
      .filter((entry) => (entry as PerformanceResourceTiming).responseEnd <= at)
      .map((entry) => new URL(entry.name).pathname)
      .filter((name) => name.endsWith(".js") && !name.startsWith("/harness/"))
      .map((name) => name.slice(1));
    const marks = Object.fromEntries(
      frame.performance
        .getEntriesByType("mark")
        .filter((entry) => entry.name.startsWith("svm:"))
        .map((entry) => [entry.name.slice(4), entry.startTime]),
    );
    return { at, js, marks };
  }, PANE_FRAME);
}

/**
 * The pane opened on a new appointment, then reopened on the booking it made. The harness page
 * is loaded and idle first: in Outlook the pane runs in its own (cross-origin) frame, so
 * Outlook's own work is not on the pane's main thread, while here every frame shares one.
 */
async function measureReady(
  browser: Browser,
  server: HarnessServer,
): Promise<{
  fresh: number;
  booked: number;
  jsBeforeReady: number;
  marks: Record<string, number>;
}> {
  const h = await startHarness({ browser, server, client: "web" });
  try {
    await h.context.addInitScript(READY_PROBE);
    await h.pane.getByRole("radiogroup").waitFor({ timeout: 60_000 });
    await throttle(h.context, h.page);
    await h.reloadPane();
    const opened = await paneReadyAt(h.page);
    const jsBeforeReady = opened.js.reduce((sum, file) => sum + gzipSize(file), 0);
    await h.pane.getByRole("button", { name: "Skapa möte" }).click();
    await h.pane.locator("#booked-heading").waitFor({ timeout: 60_000 });
    await h.reloadPane();
    const reopened = await paneReadyAt(h.page);
    return { fresh: opened.at, booked: reopened.at, jsBeforeReady, marks: opened.marks };
  } finally {
    await h.close();
  }
}

/** Skapa möte click → our block in the body the client holds, timed inside the harness page. */
async function measureCreate(browser: Browser, server: HarnessServer): Promise<number[]> {
  const h = await startHarness({ browser, server, client: "web" });
  const times: number[] = [];
  try {
    for (let run = 0; run < CREATE_RUNS; run++) {
      if (run > 0) await h.page.locator("#reset").click();
      await h.pane.getByRole("radiogroup").waitFor({ timeout: 30_000 });
      // Let the first facts read settle so the run measures the click, not the start-up.
      await h.page.waitForTimeout(300);
      times.push(
        await h.page.evaluate(
          (selector) =>
            new Promise<number>((resolve, reject) => {
              const harness = (
                window as unknown as {
                  __svmHarness: {
                    store: {
                      subscribe: (l: (c: { kind: string }) => void) => () => void;
                      peek: () => { body: { value: string } };
                    };
                  };
                }
              ).__svmHarness;
              const doc = document.querySelector<HTMLIFrameElement>(selector)?.contentDocument;
              const button = [...(doc?.querySelectorAll("button") ?? [])].find(
                (b) => b.textContent?.trim() === "Skapa möte",
              );
              if (!button) return reject(new Error("no Skapa möte button"));
              const stop = harness.store.subscribe((change) => {
                if (
                  change.kind === "body" &&
                  harness.store.peek().body.value.includes("=== Skyddat vårdmöte ===")
                ) {
                  stop();
                  resolve(performance.now() - started);
                }
              });
              const started = performance.now();
              button.click();
            }),
          PANE_FRAME,
        ),
      );
      await h.pane.locator("#booked-heading").waitFor({ timeout: 30_000 });
    }
    return times;
  } finally {
    await h.close();
  }
}

/**
 * The service, emulators and harness in a child process, as in `npm start`: the browser driver
 * in this process must not slow the server that answers the pane.
 */
async function startServerProcess(): Promise<HarnessServer> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", fileURLToPath(import.meta.url), "--serve"],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
    createInterface({ input: child.stdout }).on("line", (line) => {
      if (line.startsWith("url ")) resolve(line.slice(4));
    });
  });
  const close = (): Promise<void> =>
    new Promise((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  // startHarness needs only the url (emulatorState, the one user of the rest, is not called here).
  return { url, close } as unknown as HarnessServer;
}

async function serve(): Promise<void> {
  const server = await startHarnessServer();
  process.stdout.write(`url ${server.url}\n`);
  process.once("SIGTERM", () => void server.close().then(() => process.exit(0)));
}

export async function benchPane(): Promise<Figures> {
  const first = firstJsBytes();
  const browser = await launchBrowser();
  const server = await startServerProcess();
  try {
    const ready: Array<Awaited<ReturnType<typeof measureReady>>> = [];
    for (let run = 0; run < READY_RUNS; run++) ready.push(await measureReady(browser, server));
    const creates = await measureCreate(browser, server);
    const fresh = ready.map((r) => r.fresh);
    const booked = ready.map((r) => r.booked);
    return {
      "load average when measured (2 cores)": loadavg()
        .map((l) => l.toFixed(2))
        .join(" "),
      "first JS (taskpane.html scripts), gzip KiB": round(first.bytes / 1024),
      "first JS files": first.files.join(", "),
      "all JS fetched until ready, gzip KiB": round((ready[0]?.jsBeforeReady ?? 0) / 1024),
      [`pane ready, new appointment, ${CPU_SLOWDOWN}× CPU, no cache, median ms`]: round(
        percentile(fresh, 50),
      ),
      [`pane ready, new appointment, ${CPU_SLOWDOWN}× CPU, no cache, max ms`]: round(
        Math.max(...fresh),
      ),
      [`pane ready, existing booking, ${CPU_SLOWDOWN}× CPU, no cache, median ms`]: round(
        percentile(booked, 50),
      ),
      [`pane ready, existing booking, ${CPU_SLOWDOWN}× CPU, no cache, max ms`]: round(
        Math.max(...booked),
      ),
      // Where the first second goes (median over the runs, ms since the pane's navigation).
      ...Object.fromEntries(
        ["start", "office-ready", "first-render", "services", "types"].map((name) => [
          `  mark svm:${name}, median ms`,
          round(
            percentile(
              ready.map((r) => r.marks[name] ?? NaN),
              50,
            ),
          ),
        ]),
      ),
      [`Skapa möte → block in body, p50 ms (${creates.length} runs)`]: round(
        percentile(creates, 50),
      ),
      [`Skapa möte → block in body, p95 ms (${creates.length} runs)`]: round(
        percentile(creates, 95),
      ),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv.includes("--serve")) {
  void serve();
} else if (import.meta.url === `file://${process.argv[1]}`) {
  benchPane().then(
    (figures) => {
      for (const [label, value] of Object.entries(figures))
        process.stdout.write(`${label.padEnd(62)} ${value}\n`);
      process.exit(0);
    },
    (error: unknown) => {
      process.stderr.write(
        `bench-pane: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exit(1);
    },
  );
}
