// Keyboard only, focus after each action, and Outlook's themes (light, dark, high contrast and
// the live theme-changed event), each checked with axe-core.
import { describe, expect, it } from "vitest";
import { findInvitationBlock } from "../../../src/shared";
import { sv } from "../../../src/taskpane/i18n/sv";
import type { Harness } from "../support/harness";
import { harnessSuite } from "../support/suite";
import { book, expectAxeClean, focused, paneFrame, waitForPicker } from "./support/pane";

const suite = harnessSuite();

describe("keyboard only", () => {
  it("books and removes with the keyboard, focus following each action", async () => {
    const h = await suite.open({ client: "web" });
    try {
      await waitForPicker(h);
      const key = (k: string) => h.page.keyboard.press(k);
      // Tabbing into the pane lands on the chosen type; arrows move between types.
      await h.pane.getByRole("radio", { name: "Vårdmöte patient" }).focus();
      await key("ArrowDown");
      expect(
        await h.pane.getByRole("radio", { name: "Informationsmöte patient" }).isChecked(),
      ).toBe(true);
      await key("ArrowUp");
      expect(await h.pane.getByRole("radio", { name: "Vårdmöte patient" }).isChecked()).toBe(true);
      await key("Tab");
      expect((await focused(h)).text).toBe(sv.createMeeting);
      await key("Enter");
      await h.pane
        .getByRole("heading", { name: "Bokat: Vårdmöte patient" })
        .waitFor({ timeout: 20_000 });
      await expect.poll(async () => (await focused(h)).text).toBe("Bokat: Vårdmöte patient");

      // In reading order: the join link, then Starta möte, Välj om mötestyp, Ta bort möte.
      await key("Tab");
      expect((await focused(h)).tag).toBe("a");
      await key("Tab");
      expect((await focused(h)).text).toBe(sv.startMeeting);
      await key("Tab");
      expect((await focused(h)).text).toBe(sv.changeType);
      await key("Tab");
      expect((await focused(h)).text).toBe(sv.removeMeeting);

      // The confirmation opens on Avbryt (Enter never removes by accident); Esc closes it.
      await key("Enter");
      await h.pane.getByRole("alertdialog").waitFor();
      await expect.poll(async () => (await focused(h)).text).toBe(sv.cancel);
      await key("Escape");
      await h.pane.getByRole("alertdialog").waitFor({ state: "hidden" });
      await expect.poll(async () => (await focused(h)).text).toBe(sv.removeMeeting);

      await key("Enter");
      await expect.poll(async () => (await focused(h)).text).toBe(sv.cancel);
      await key("Shift+Tab");
      expect((await focused(h)).text).toBe(sv.removeMeeting);
      await key("Enter");
      await waitForPicker(h);
      await expect.poll(async () => (await focused(h)).tag).toBe("input");
      expect(findInvitationBlock(await h.rawBody())).toBeNull();
    } finally {
      await h.close();
    }
  });

  it("moves focus to the failure message, which offers Försök igen", async () => {
    const h = await suite.open({ client: "mac" });
    try {
      await waitForPicker(h);
      await suite.server.emu.pexip.faults.add({
        route: "POST /api/admin/configuration/v1/conference/",
        status: 503,
      });
      await h.pane.getByRole("button", { name: sv.createMeeting }).click();
      await expect.poll(async () => (await focused(h)).id, { timeout: 30_000 }).toBe("pane-status");
      expect(await h.pane.getByRole("button", { name: sv.retry }).count()).toBe(1);
    } finally {
      await suite.server.emu.pexip.faults.clear();
      await h.close();
    }
  });
});

describe("Outlook's themes", () => {
  const themeOf = async (h: Harness) =>
    (await paneFrame(h)).evaluate(() => ({
      kind: document.querySelector(".fui-FluentProvider")?.getAttribute("data-theme"),
      background: getComputedStyle(document.querySelector(".fui-FluentProvider") as Element)
        .backgroundColor,
    }));

  it.each([
    ["light", "light", "rgb(255, 255, 255)"],
    ["dark", "dark", "rgb(41, 41, 41)"],
    ["contrast", "highContrast", "rgb(0, 0, 0)"],
  ] as const)(
    "follows Outlook's %s theme, axe-clean picked and booked",
    async (theme, kind, background) => {
      const h = await suite.open({ client: "web", theme });
      try {
        await waitForPicker(h);
        await expect.poll(() => themeOf(h)).toEqual({ kind, background });
        await expectAxeClean(h, `${theme}: picker`);
        await h.setField("Ämne", "Samtal 19121212-1212");
        await h.pane.getByRole("listitem").filter({ hasText: sv.personalDataTitle }).waitFor();
        await expectAxeClean(h, `${theme}: warnings`);
        await h.setField("Ämne", "Samtal");
        await h.pane
          .getByRole("listitem")
          .filter({ hasText: sv.personalDataTitle })
          .waitFor({ state: "detached" });
        await book(h, "Vårdmöte patient", sv);
        await expectAxeClean(h, `${theme}: booked`);
      } finally {
        await h.close();
      }
    },
  );

  it("switches theme live when Outlook's theme changes", async () => {
    const h = await suite.open({ client: "classic", theme: "light" });
    try {
      await waitForPicker(h);
      await h.setTheme("dark");
      await expect.poll(async () => (await themeOf(h)).kind).toBe("dark");
      await h.setTheme("contrast");
      await expect.poll(async () => (await themeOf(h)).kind).toBe("highContrast");
      await h.setTheme("light");
      await expect.poll(async () => (await themeOf(h)).kind).toBe("light");
    } finally {
      await h.close();
    }
  });
});
