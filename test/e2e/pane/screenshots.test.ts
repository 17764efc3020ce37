// Pictures of the pane's main states, light and dark, for docs/taskpane.md. They land in a
// temporary folder on every run (so the flow they show is checked); to refresh the docs:
//   SCREENSHOT_DIR=docs/screenshots npx vitest run --project browser test/e2e/pane/screenshots.test.ts
import { existsSync, mkdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { sv } from "../../../src/taskpane/i18n/sv";
import type { Harness } from "../support/harness";
import { harnessSuite } from "../support/suite";
import { book, paneFrame, waitForPicker } from "./support/pane";

const DIR = path.resolve(process.env.SCREENSHOT_DIR ?? path.join(tmpdir(), "svm-pane-screenshots"));
const suite = harnessSuite();

beforeAll(() => {
  mkdirSync(DIR, { recursive: true });
});

/** The pane's frame as Outlook shows it: 360 px wide, as tall as its content. */
async function shoot(h: Harness, name: string): Promise<string> {
  const frame = await paneFrame(h);
  await frame.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== "running"),
  );
  const file = path.join(DIR, `${name}.png`);
  const iframe = h.page.locator('iframe[title="Skyddat vårdmöte"]');
  const height = await frame.evaluate(() => document.documentElement.scrollHeight);
  await iframe.evaluate((el, h2) => {
    (el as HTMLIFrameElement).style.height = `${h2}px`;
    (el as HTMLIFrameElement).style.width = "360px";
  }, height);
  await iframe.screenshot({ path: file });
  // Back to the harness's own size, so the pane stays clickable inside its container.
  await iframe.evaluate((el) => {
    (el as HTMLIFrameElement).style.removeProperty("height");
    (el as HTMLIFrameElement).style.removeProperty("width");
  });
  return file;
}

describe.each(["light", "dark"] as const)("screenshots (%s)", (theme) => {
  it("shows the type picker, warnings, the booked meeting, change of type and removal", async () => {
    const h = await suite.open({ client: "web", theme });
    const files: string[] = [];
    try {
      await waitForPicker(h);
      files.push(await shoot(h, `${theme}-1-picker`));

      await h.setField("Ämne", "Återbesök 19121212-1212");
      await h.setField("Deltagare", "karl.nilsson@gmail.com");
      await h.pane.getByRole("listitem").filter({ hasText: sv.personalDataTitle }).waitFor();
      await h.pane
        .getByRole("listitem")
        .filter({ hasText: "Privata e-postadresser bland deltagarna" })
        .waitFor();
      files.push(await shoot(h, `${theme}-2-warnings`));
      await h.setField("Ämne", "Återbesök");
      await h.setField("Deltagare", "");
      await h.pane
        .getByRole("listitem")
        .filter({ hasText: sv.personalDataTitle })
        .waitFor({ state: "detached" });

      await book(h, "Vårdmöte patient", sv);
      files.push(await shoot(h, `${theme}-3-booked`));

      await h.pane.getByRole("button", { name: sv.changeType }).click();
      files.push(await shoot(h, `${theme}-4-change-type`));
      await h.pane.getByRole("button", { name: sv.cancel }).click();

      await h.pane.getByRole("button", { name: sv.removeMeeting }).click();
      await h.pane.getByRole("alertdialog").waitFor();
      files.push(await shoot(h, `${theme}-5-remove`));
      await h.pane.getByRole("alertdialog").getByRole("button", { name: sv.cancel }).click();

      await h.save();
      await h.reopen({ mode: "attendee", user: "karl" });
      await h.pane.getByRole("link", { name: sv.attendeeJoin }).waitFor({ timeout: 20_000 });
      files.push(await shoot(h, `${theme}-6-attendee`));
    } finally {
      await h.close();
    }
    for (const file of files) {
      expect(existsSync(file)).toBe(true);
      expect(statSync(file).size).toBeGreaterThan(5_000);
    }
  });
});
