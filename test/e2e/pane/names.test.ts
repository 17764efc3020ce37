// Issue 13 through the harness: a patient's name warns (never blocks) in the pane, marked in its
// sentence, "Ta bort namnet" takes it out of the appointment, a staff attendee's name is no
// finding, and the send check warns with Skicka ändå on a name but blocks a personnummer.
import { describe, expect, it } from "vitest";
import { sv } from "../../../src/taskpane/i18n/sv";
import { harnessSuite } from "../support/suite";
import type { Harness } from "../support/harness";
import {
  book,
  expectAxeClean,
  focused,
  paneFrame,
  statusText,
  waitForPicker,
} from "./support/pane";

const suite = harnessSuite();

const nameWarning = (h: Harness) => h.pane.getByRole("listitem").filter({ hasText: sv.namesTitle });

describe("names in the pane", () => {
  it("warns on open with the name marked; Ta bort namnet removes it and the warning goes", async () => {
    const h = await suite.open({ client: "web", lang: "sv-SE" });
    try {
      await h.setField("Ämne", "Besök Karin Holm inför operation");
      await h.reloadPane();
      await waitForPicker(h);
      const item = nameWarning(h);
      await item.waitFor();
      expect(await item.locator("mark").innerText()).toBe("Karin Holm");
      expect(await item.getByTestId("name-excerpt").innerText()).toBe(
        "Ämne: Besök Karin Holm inför operation",
      );
      // A warning, not a block: Skapa möte stays available.
      const create = h.pane.getByRole("button", { name: sv.createMeeting });
      expect(await create.getAttribute("aria-disabled")).toBeNull();
      await expectAxeClean(h, "name warning");

      await item.getByRole("button", { name: sv.removeName }).click();
      await item.waitFor({ state: "detached" });
      expect((await h.state()).subject).toBe("Besök K.H. inför operation");

      // Typed again while the pane is open: found again; this time removed entirely.
      await h.setField("Ämne", "Per Ek – kontroll");
      await nameWarning(h).waitFor();
      await nameWarning(h).getByRole("radio", { name: sv.nameReplaceNothing }).check();
      await nameWarning(h).getByRole("button", { name: sv.removeName }).click();
      await nameWarning(h).waitFor({ state: "detached" });
      expect((await h.state()).subject).toBe("– kontroll");
      expect(h.errors).toEqual([]);
    } finally {
      await h.close();
    }
  });

  it("does not report a staff attendee's name in the body; Det är inte ett namn is remembered", async () => {
    const h = await suite.open({ client: "classic", lang: "sv-SE" });
    try {
      await waitForPicker(h);
      await h.setField(
        "Brödtext",
        "<p>Vi träffar Britt-Marie Lund för genomgång med Anna Lindqvist.</p>",
      );
      const item = nameWarning(h);
      await expect
        .poll(async () => item.locator("mark").allInnerTexts(), { timeout: 20_000 })
        .toEqual(["Britt-Marie Lund", "Anna Lindqvist"]);
      await h.setField("Deltagare", "Anna Lindqvist <anna.lindqvist@region.example.se>");
      await expect
        .poll(async () => item.locator("mark").allInnerTexts(), { timeout: 20_000 })
        .toEqual(["Britt-Marie Lund"]);

      await item.getByRole("button", { name: sv.notName }).click();
      await item.waitFor({ state: "detached" });
      expect((await h.customProperties()).notNames).toBe('["britt-marie lund"]');
      // A new session reads the dismissal from the item's custom properties.
      await h.reloadPane();
      await waitForPicker(h);
      await h.pane.getByText(sv.noPersonalData).first().waitFor();
      expect(await nameWarning(h).count()).toBe(0);
      expect(await h.rawBody()).toContain("Britt-Marie Lund");
      expect(h.errors).toEqual([]);
    } finally {
      await h.close();
    }
  });
});

describe("the name warning by keyboard, in every theme, in Plats and on older clients", () => {
  const themeOf = async (h: Harness) =>
    (await paneFrame(h)).evaluate(() =>
      document.querySelector(".fui-FluentProvider")?.getAttribute("data-theme"),
    );

  it.each([
    ["dark", "dark"],
    ["contrast", "highContrast"],
  ] as const)("is axe-clean with the name warning shown in the %s theme", async (theme, kind) => {
    const h = await suite.open({ client: "web", lang: "sv-SE", theme });
    try {
      await waitForPicker(h);
      await expect.poll(() => themeOf(h)).toBe(kind);
      await h.setField("Ämne", "Besök Karin Holm inför operation");
      await nameWarning(h).waitFor();
      await expectAxeClean(h, `${theme}: name warning`);
    } finally {
      await h.close();
    }
  });

  it("reaches and uses Ta bort namnet and Det är inte ett namn with Tab, Enter and Space only", async () => {
    const h = await suite.open({ client: "web", lang: "sv-SE" });
    const key = (k: string) => h.page.keyboard.press(k);
    // Tab (never the mouse) until the focused control reads `label`; the pane's own order.
    const tabTo = async (label: string) => {
      for (let n = 0; n < 40; n++) {
        const now = await focused(h);
        if (now.text === label) return;
        await key("Tab");
      }
      throw new Error(`Tab never reached ${label}`);
    };
    try {
      await waitForPicker(h);
      await h.setField("Ämne", "Besök Karin Holm inför operation");
      await h.setField("Brödtext", "<p>Vi träffar Britt-Marie Lund för genomgång.</p>");
      await expect
        .poll(async () => nameWarning(h).locator("mark").allInnerTexts(), { timeout: 20_000 })
        .toEqual(["Karin Holm", "Britt-Marie Lund"]);
      // Into the pane the way a keyboard user arrives: on the type picker.
      await h.pane.getByRole("radio", { name: "Vårdmöte patient" }).focus();
      await tabTo(sv.removeName);
      await key("Enter");
      await expect
        .poll(async () => (await h.state()).subject, { timeout: 20_000 })
        .toBe("Besök K.H. inför operation");
      await expect
        .poll(async () => nameWarning(h).locator("mark").allInnerTexts())
        .toEqual(["Britt-Marie Lund"]);
      await tabTo(sv.notName);
      await key("Space");
      await nameWarning(h).waitFor({ state: "detached" });
      expect((await h.customProperties()).notNames).toBe('["britt-marie lund"]');
      expect(await h.rawBody()).toContain("Britt-Marie Lund");
      expect(h.errors).toEqual([]);
    } finally {
      await h.close();
    }
  });

  it("takes a name out of Plats and leaves the rest of it", async () => {
    const h = await suite.open({ client: "classic", lang: "sv-SE" });
    try {
      await waitForPicker(h);
      await h.setField("Plats", "Rum 4, hembesök hos Karin Holm");
      const item = nameWarning(h);
      await item.waitFor();
      expect(await item.getByTestId("name-excerpt").innerText()).toBe(
        "Plats: Rum 4, hembesök hos Karin Holm",
      );
      await item.getByRole("button", { name: sv.removeName }).click();
      await item.waitFor({ state: "detached" });
      expect(await h.location()).toBe("Rum 4, hembesök hos K.H.");
      expect((await h.state()).subject).toBe("");
      expect(h.errors).toEqual([]);
    } finally {
      await h.close();
    }
  });

  it("says once that a client without Mailbox 1.14 cannot mark the meeting Private", async () => {
    const h = await suite.open({ client: "classic", lang: "sv-SE", mailbox: "1.13" });
    try {
      await book(h, "Vårdmöte patient", sv);
      await expect.poll(() => statusText(h), { timeout: 20_000 }).toBe(sv.notPrivate);
      expect((await h.state()).sensitivity).toBe("normal");
      await h.pane.getByRole("button", { name: sv.changeType }).click();
      await h.pane.getByRole("radio", { name: "Informationsmöte patient" }).check();
      await h.pane
        .getByRole("button", {
          name: sv.changeTypeConfirm.replace("{type}", "Informationsmöte patient"),
        })
        .click();
      const changed = sv.bookedHeading.replace("{type}", "Informationsmöte patient");
      await h.pane.getByRole("heading", { name: changed }).waitFor({ timeout: 20_000 });
      // Said once per session: this time the ordinary confirmation.
      await expect
        .poll(() => statusText(h), { timeout: 20_000 })
        .toBe(sv.typeChanged.replace("{type}", "Informationsmöte patient"));
      expect(h.errors).toEqual([]);
    } finally {
      await h.close();
    }
  });
});

describe("names in the send check", () => {
  it("warns with Skicka ändå on a name and blocks a personnummer", async () => {
    const h = await suite.open({ client: "web", lang: "sv-SE" });
    try {
      await h.page.evaluate(() => {
        const frame = document.querySelector<HTMLIFrameElement>('iframe[title="Skyddat vårdmöte"]');
        if (frame) frame.src = "about:blank";
      });
      await h.setField("Ämne", "Telefonuppföljning Ali Hassan");
      const warned = await h.send();
      expect(warned.sent).toBe(false);
      expect(warned.alert?.message).toContain("(Ämne)");
      expect(warned.alert?.message).toContain("Ta bort namnet i Skyddat vårdmöte");
      expect(warned.alert?.buttons.map((b) => b.id)).toContain("sendAnyway");
      await h.answerAlert("dontSend");

      await h.setField("Ämne", "Telefonuppföljning Ali Hassan 19121212-1212");
      const blocked = await h.send();
      expect(blocked.sent).toBe(false);
      expect(blocked.alert?.message).toContain("personnummer 19121212-•••• (Ämne)");
      expect(blocked.alert?.buttons.map((b) => b.id)).not.toContain("sendAnyway");
      await h.answerAlert("dontSend");

      await h.setField("Ämne", "Telefonuppföljning Ali Hassan");
      await h.send();
      expect((await h.answerAlert("sendAnyway")).sent).toBe(true);
      expect(h.errors).toEqual([]);
    } finally {
      await h.close();
    }
  });
});

/** Välj om mötestyp → `typeLabel`, as the user does it; waits for the new booked heading. */
async function changeType(h: Harness, typeLabel: string): Promise<void> {
  await h.pane.getByRole("button", { name: sv.changeType }).click();
  await h.pane.getByRole("radio", { name: typeLabel }).check();
  await h.pane
    .getByRole("button", { name: sv.changeTypeConfirm.replace("{type}", typeLabel) })
    .click();
  await h.pane
    .getByRole("heading", { name: sv.bookedHeading.replace("{type}", typeLabel) })
    .waitFor({ timeout: 20_000 });
}

describe("the appointment kept private", () => {
  it("marks a booked care meeting Private in the harness's appointment; an internal one stays", async () => {
    const h = await suite.open({ client: "web", lang: "sv-SE" });
    try {
      expect((await h.state()).sensitivity).toBe("normal");
      await book(h, "Vårdmöte patient", sv);
      await expect
        .poll(async () => (await h.state()).sensitivity, { timeout: 20_000 })
        .toBe("private");
      expect(h.errors).toEqual([]);
    } finally {
      await h.close();
    }
    const internal = await suite.open({ client: "web", lang: "sv-SE" });
    try {
      await book(internal, "Internt möte utan patient", sv);
      await expect
        .poll(async () => (await internal.customProperties()).booking, { timeout: 20_000 })
        .toBeTruthy();
      expect((await internal.state()).sensitivity).toBe("normal");
    } finally {
      await internal.close();
    }
  });

  it("changed to Internt möte utan patient, undoes its own Private (remembered across sessions)", async () => {
    const h = await suite.open({ client: "classic", lang: "sv-SE" });
    try {
      await book(h, "Vårdmöte patient", sv);
      await expect
        .poll(async () => (await h.state()).sensitivity, { timeout: 20_000 })
        .toBe("private");
      await expect
        .poll(async () => (await h.customProperties()).markedPrivate, { timeout: 20_000 })
        .toBe("1");
      // A new session knows only what the item holds.
      await h.reloadPane();
      await changeType(h, "Internt möte utan patient");
      await expect
        .poll(async () => (await h.state()).sensitivity, { timeout: 20_000 })
        .toBe("normal");
      await expect
        .poll(async () => (await h.customProperties()).markedPrivate, { timeout: 20_000 })
        .toBeUndefined();
      // And back: Private again.
      await changeType(h, "Informationsmöte patient");
      await expect
        .poll(async () => (await h.state()).sensitivity, { timeout: 20_000 })
        .toBe("private");
      expect(h.errors).toEqual([]);
    } finally {
      await h.close();
    }
  });

  it("keeps Private the user chose before booking when changed to Internt möte utan patient", async () => {
    const h = await suite.open({ client: "web", lang: "sv-SE" });
    try {
      await h.setField("Privat", "on");
      expect((await h.state()).sensitivity).toBe("private");
      await book(h, "Vårdmöte patient", sv);
      await expect
        .poll(async () => (await h.customProperties()).booking, { timeout: 20_000 })
        .toBeTruthy();
      expect((await h.customProperties()).markedPrivate).toBeUndefined();
      await changeType(h, "Internt möte utan patient");
      await expect
        .poll(async () => (await h.customProperties()).booking, { timeout: 20_000 })
        .toContain('"type":"internal"');
      expect((await h.state()).sensitivity).toBe("private");
      expect(h.errors).toEqual([]);
    } finally {
      await h.close();
    }
  });
});
