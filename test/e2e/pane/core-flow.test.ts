// The clinician's core flow through the harness, in every client (web, classic Windows, Mac)
// and both languages: book a care meeting, reopen the pane, change it to an internal meeting,
// start it as host, remove it — with axe-core in each state and focus where it should be.
import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY, findInvitationBlock } from "../../../src/shared";
import { en } from "../../../src/taskpane/i18n/en";
import { sv } from "../../../src/taskpane/i18n/sv";
import { harnessSuite } from "../support/suite";
import { expectAxeClean, focused, paneFrame, statusText, waitForPicker } from "./support/pane";

const suite = harnessSuite();

const label = (id: string, locale: "sv" | "en") =>
  DEFAULT_POLICY.types.find((t) => t.id === id)?.label[locale] ?? id;

const combos = [
  ["web", "sv-SE"],
  ["classic", "sv-SE"],
  ["mac", "sv-SE"],
  ["web", "en-US"],
  ["classic", "en-US"],
  ["mac", "en-US"],
] as const;

describe.each(combos)("the core flow in %s Outlook (%s)", (client, lang) => {
  const locale = lang === "sv-SE" ? "sv" : "en";
  const t = locale === "sv" ? sv : en;

  it("books, reopens, changes type, starts and removes a meeting", async () => {
    const h = await suite.open({ client, lang });
    try {
      await waitForPicker(h);
      const radios = h.pane.getByRole("radio");
      expect(await radios.count()).toBe(3);
      for (const id of ["care", "information", "internal"]) {
        await expect
          .poll(() => h.pane.getByRole("radio", { name: label(id, locale) }).count())
          .toBe(1);
      }
      expect(await h.pane.getByRole("radio", { name: label("care", locale) }).isChecked()).toBe(
        true,
      );
      const picker = await h.pane.getByRole("radiogroup").innerText();
      expect(picker).toContain("Pexip");
      expect(picker).toContain(
        locale === "sv" ? "Teams med mötesskydd" : "Teams with meeting protection",
      );
      expect(picker).toContain(t.limitValue.replace("{limit}", "15"));
      await expectAxeClean(h, "type picker");

      // The user typed a room; our Location part goes after it.
      await h.setField("Ämne", "Uppföljning");
      await h.setField("Plats", "Mottagning 3");

      // Skapa möte
      await h.pane.getByRole("button", { name: t.createMeeting }).click();
      const booked = t.bookedHeading.replace("{type}", label("care", locale));
      await h.pane.getByRole("heading", { name: booked }).waitFor({ timeout: 20_000 });
      await expect.poll(async () => (await focused(h)).text).toBe(booked);
      expect(await statusText(h)).toBe(t.created);

      const props = await h.customProperties();
      const raw = await h.rawBody();
      const block = findInvitationBlock(raw);
      expect(block?.bookingId).toBe(props.bookingId);
      expect(typeof props.manageKey).toBe("string");
      expect(block?.joinUrl).toMatch(/\/webapp\/m\/\d+\/step-by-step\?role=guest$/);
      expect(await h.location()).toBe(
        `Mottagning 3; ${locale === "sv" ? "Skyddat vårdmöte" : "Protected care meeting"} (Pexip) ${block?.joinUrl}`,
      );
      expect((await h.saved()).itemId).not.toBeNull();
      expect((await h.emulatorState()).pexip.conferences).toHaveLength(1);
      // The pane's summary shows the same join link.
      expect(await h.pane.getByRole("link", { name: block?.joinUrl ?? "" }).count()).toBe(1);
      await expectAxeClean(h, "booked");

      // Starta möte: the host link (with the host PIN) opens in a new window, written nowhere.
      const popup = h.context.waitForEvent("page");
      await h.pane.getByRole("button", { name: t.startMeeting }).click();
      const hostWindow = await popup;
      await hostWindow.waitForLoadState();
      const hostUrl = hostWindow.url();
      expect(hostUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/webapp\/m\/\d+\//);
      expect(hostUrl).not.toBe(block?.joinUrl);
      await hostWindow.close();
      expect(await h.rawBody()).not.toContain(hostUrl);
      expect(await h.location()).not.toContain(hostUrl);
      expect(JSON.stringify(await h.customProperties())).not.toContain(hostUrl);
      await expect.poll(() => statusText(h)).toBe(t.started);

      // Closing and reopening the pane: the booking comes back from the custom properties.
      await h.reloadPane();
      await h.pane.getByRole("heading", { name: booked }).waitFor({ timeout: 20_000 });

      // Välj om mötestyp → Internt möte utan patient
      await h.pane.getByRole("button", { name: t.changeType }).click();
      await expect.poll(async () => (await focused(h)).tag).toBe("input");
      await expectAxeClean(h, "change type");
      await h.pane.getByRole("radio", { name: label("internal", locale) }).check();
      await h.pane
        .getByRole("button", {
          name: t.changeTypeConfirm.replace("{type}", label("internal", locale)),
          exact: true,
        })
        .click();
      const changed = t.bookedHeading.replace("{type}", label("internal", locale));
      await h.pane.getByRole("heading", { name: changed }).waitFor({ timeout: 20_000 });
      const rawAfterChange = await h.rawBody();
      const newBlock = findInvitationBlock(rawAfterChange);
      expect(newBlock?.bookingId).toBe(props.bookingId);
      expect(newBlock?.joinUrl).toContain("teams.microsoft.com");
      expect(rawAfterChange.split(/ (?:·|&middot;) ref\./)).toHaveLength(2);
      expect(rawAfterChange).not.toContain(block?.joinUrl ?? "-");
      expect(await h.location()).toMatch(
        /^Mottagning 3; (Skyddat vårdmöte|Protected care meeting) \(Teams\)/,
      );
      const afterChange = await h.emulatorState();
      expect(afterChange.pexip.conferences).toHaveLength(0);
      expect(afterChange.graph.meetings).toHaveLength(1);

      // Ta bort möte: confirm first.
      await h.pane.getByRole("button", { name: t.removeMeeting }).click();
      const dialog = h.pane.getByRole("alertdialog", { name: t.removeConfirmTitle });
      await dialog.waitFor();
      await expectAxeClean(h, "confirm removal");
      await dialog.getByRole("button", { name: t.removeMeeting }).click();
      await waitForPicker(h);
      await expect.poll(async () => (await focused(h)).tag).toBe("input");
      await expect.poll(() => statusText(h)).toBe(t.removed);
      expect(findInvitationBlock(await h.rawBody())).toBeNull();
      expect(await h.location()).toBe("Mottagning 3");
      expect(await h.customProperties()).toEqual({});
      expect((await h.emulatorState()).graph.meetings).toHaveLength(0);
      await expectAxeClean(h, "removed");
      expect(await (await paneFrame(h)).evaluate(() => document.documentElement.lang)).toBe(locale);
      expect(h.errors.filter((e) => !e.includes("favicon"))).toEqual([]);
      expect(h.blocked).toEqual([]);
    } finally {
      await h.close();
    }
  });
});
