// Issue 13 through the harness: a patient's name warns (never blocks) in the pane, marked in its
// sentence, "Ta bort namnet" takes it out of the appointment, a staff attendee's name is no
// finding, and the send check warns with Skicka ändå on a name but blocks a personnummer.
import { describe, expect, it } from "vitest";
import { sv } from "../../../src/taskpane/i18n/sv";
import { harnessSuite } from "../support/suite";
import type { Harness } from "../support/harness";
import { expectAxeClean, waitForPicker } from "./support/pane";

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
        .poll(async () => item.locator("mark").allInnerTexts())
        .toEqual(["Britt-Marie Lund", "Anna Lindqvist"]);
      await h.setField("Deltagare", "Anna Lindqvist <anna.lindqvist@region.example.se>");
      await expect
        .poll(async () => item.locator("mark").allInnerTexts())
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
