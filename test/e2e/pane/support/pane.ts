// Helpers for the task pane's browser tests: find the pane's frame, check it with axe-core,
// read what the pane shows. The harness (test/e2e/support/harness.ts) runs everything else.
import path from "node:path";
import type { Frame } from "playwright-core";
import { expect } from "vitest";
import { type Booking, MeetingResponse } from "../../../../src/shared/contract";
import type { Catalogue } from "../../../../src/taskpane/i18n";
import type { Harness } from "../../support/harness";

const AXE = path.resolve("node_modules/axe-core/axe.min.js");

/** The pane's frame (the real built taskpane.html in the harness's iframe). */
export async function paneFrame(h: Harness): Promise<Frame> {
  await expect
    .poll(() => h.page.frames().some((f) => f.url().includes("/harness/taskpane.html")))
    .toBe(true);
  const frame = h.page.frames().find((f) => f.url().includes("/harness/taskpane.html"));
  if (!frame) throw new Error("no task pane frame");
  return frame;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA) in the pane; returns the violations. */
export async function axe(h: Harness): Promise<AxeViolation[]> {
  const frame = await paneFrame(h);
  // Fluent's enter animations fade content in; contrast is judged on the settled screen.
  await frame.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== "running"),
  );
  const loaded = await frame.evaluate(() => "axe" in window);
  if (!loaded) await frame.addScriptTag({ path: AXE });
  return frame.evaluate(async () => {
    const run = (
      window as unknown as {
        axe: {
          run: (
            ctx: unknown,
            opts: unknown,
          ) => Promise<{
            violations: Array<{
              id: string;
              impact: string | null;
              help: string;
              nodes: Array<{ target: string[] }>;
            }>;
          }>;
        };
      }
    ).axe.run;
    const result = await run(document, {
      runOnly: {
        type: "tag",
        values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
      },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(" ")),
    }));
  });
}

export async function expectAxeClean(h: Harness, state: string): Promise<void> {
  const violations = await axe(h);
  expect(violations, `axe in state "${state}"`).toEqual([]);
}

/** Waits until the type picker is usable (the pane's "ready" for a new appointment). */
export async function waitForPicker(h: Harness): Promise<void> {
  await h.pane.getByRole("radiogroup").waitFor({ state: "visible", timeout: 20_000 });
}

/** The text of the pane's live status region. */
export function statusText(h: Harness): Promise<string> {
  return h.pane.locator("#pane-status").innerText();
}

/** Which element of the pane has keyboard focus (its role/name, as a test reads it). */
export async function focused(h: Harness): Promise<{ tag: string; text: string; id: string }> {
  const frame = await paneFrame(h);
  return frame.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? "",
      text: (el?.innerText ?? "").trim(),
      id: el?.id ?? "",
    };
  });
}

/** The booking as the service has it now (read with the item's own manageKey). */
export async function serviceBooking(h: Harness): Promise<Booking> {
  const props = await h.customProperties();
  const token = await fetch(`${h.server.emu.entra.url}/_emulator/users/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ user: "anna" }),
  }).then((r) => r.json() as Promise<{ access_token: string }>);
  const response = await fetch(`${h.server.url}/api/v1/meetings/${String(props.bookingId)}`, {
    headers: {
      authorization: `Bearer ${token.access_token}`,
      "x-manage-key": String(props.manageKey),
    },
  });
  return MeetingResponse.parse(await response.json()).booking;
}

/** Books a meeting of the chosen type through the pane, as a user would. */
export async function book(h: Harness, typeLabel: string, t: Catalogue): Promise<void> {
  await waitForPicker(h);
  await h.pane.getByRole("radio", { name: typeLabel }).check();
  await h.pane.getByRole("button", { name: t.createMeeting }).click();
  await h.pane
    .getByRole("heading", { name: t.bookedHeading.replace("{type}", typeLabel) })
    .waitFor({ timeout: 20_000 });
}

/** A picture of the whole pane as Outlook shows it (360 px wide, as tall as its content). */
export async function shootPane(h: Harness, file: string): Promise<void> {
  const frame = await paneFrame(h);
  await frame.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== "running"),
  );
  const iframe = h.page.locator('iframe[title="Skyddat vårdmöte"]');
  const height = await frame.evaluate(() => document.documentElement.scrollHeight);
  await iframe.evaluate((el, px) => {
    (el as HTMLIFrameElement).style.height = `${px}px`;
    (el as HTMLIFrameElement).style.width = "360px";
  }, height);
  await iframe.screenshot({ path: file });
  await iframe.evaluate((el) => {
    (el as HTMLIFrameElement).style.removeProperty("height");
    (el as HTMLIFrameElement).style.removeProperty("width");
  });
}
