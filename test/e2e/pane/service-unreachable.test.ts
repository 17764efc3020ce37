// No answer from the booking service: the pane says whose fault it is. The service stopped while
// the device is online is the service's ("svarar inte"); Chromium offline is the user's network.
// Neither blames the other, and nothing is booked or written meanwhile.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { sv } from "../../../src/taskpane/i18n/sv";
import { launchBrowser } from "../support/browser";
import { type Harness, startHarness, startHarnessServer } from "../support/harness";
import { paneFrame, statusText, waitForPicker } from "./support/pane";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Picks a type and clicks Skapa möte. */
async function create(h: Harness): Promise<void> {
  await waitForPicker(h);
  await h.pane.getByRole("radio", { name: "Vårdmöte patient" }).check();
  await h.pane.getByRole("button", { name: sv.createMeeting }).click();
}

describe("the pane when the service does not answer", () => {
  it("says the service is not answering when it is stopped, and that it is not the network", async () => {
    // A server of its own: this test stops it.
    const server = await startHarnessServer();
    const h = await startHarness({ browser, server });
    try {
      await waitForPicker(h);
      const before = await h.rawBody();
      await server.app.close();
      await create(h);
      await expect.poll(() => statusText(h), { timeout: 30_000 }).toContain(sv.errUnreachable);
      expect(await statusText(h)).not.toContain(sv.errOffline);
      expect(await (await paneFrame(h)).evaluate(() => navigator.onLine)).toBe(true);
      expect(await h.rawBody()).toBe(before);
      expect(server.emu.pexip.state().conferences).toHaveLength(0);
    } finally {
      await h.close();
      await server.close();
    }
  });

  it("says the network is down when the browser is offline, and books once it is back", async () => {
    const server = await startHarnessServer();
    const h = await startHarness({ browser, server });
    try {
      await waitForPicker(h);
      await h.context.setOffline(true);
      await create(h);
      await expect.poll(() => statusText(h), { timeout: 30_000 }).toContain(sv.errOffline);
      expect(await statusText(h)).not.toContain(sv.errUnreachable);
      expect(server.emu.pexip.state().conferences).toHaveLength(0);

      await h.context.setOffline(false);
      await h.pane.getByRole("button", { name: sv.retry }).click();
      await h.pane
        .getByRole("heading", { name: sv.bookedHeading.replace("{type}", "Vårdmöte patient") })
        .waitFor({ timeout: 20_000 });
      expect(server.emu.pexip.state().conferences).toHaveLength(1);
    } finally {
      await h.close();
      await server.close();
    }
  });
});
