// One rule, one place (issue 16): the pane (before the click) and the send check (before Skicka)
// count participants, judge the time and judge outside attendees with the same function in
// src/shared/checks, and say it with the same words and the same numbers.
import { describe, expect, it } from "vitest";
import { sv } from "../../../src/taskpane/i18n/sv";
import { harnessSuite } from "../support/suite";
import type { Harness } from "../support/harness";
import { book, expectAxeClean, waitForPicker } from "./support/pane";

const suite = harnessSuite();

const warning = (h: Harness, title: string) =>
  h.pane.getByRole("listitem").filter({ hasText: title });

const invitees = (n: number) =>
  Array.from({ length: n }, (_, i) => `deltagare${i + 1}@region.example.se`);

/** The warning's title and text as the send check puts them: "Title. Text". */
async function paneSentence(h: Harness, title: string): Promise<string> {
  const text = await warning(h, title).innerText();
  return text.replace(/\s*\n\s*/g, " ").replace(`${title} `, `${title}. `);
}

describe("the participant limit, counted once", () => {
  it("agrees in the pane and the send check at 14, 15 and 16 invitees", async () => {
    const h = await suite.open({ client: "web", lang: "sv-SE" });
    try {
      await waitForPicker(h);
      await book(h, "Vårdmöte patient", sv);
      await expect.poll(async () => (await h.customProperties()).booking).toBeTruthy();

      // 14 invitees and the organiser fill the room: the pane says so, Skicka sends.
      await h.setField("Deltagare", invitees(14).join("\n"));
      const full = warning(h, "Ingen plats kvar");
      await full.waitFor();
      expect(await full.innerText()).toContain("Mötet har 15 deltagare med dig");
      const sent = await h.send();
      expect(sent.alert).toBeNull();
      expect(sent.sent).toBe(true);

      for (const [n, count] of [
        [15, 16],
        [16, 17],
      ] as const) {
        await h.setField("Deltagare", invitees(n).join("\n"));
        const over = warning(h, "För många deltagare");
        // The pane re-reads the form on Outlook's change event or its 1.5 s poll.
        await expect
          .poll(async () => over.innerText(), { timeout: 10_000 })
          .toContain(`har ${count} med dig`);
        const pane = await paneSentence(h, "För många deltagare");
        const checked = await h.send();
        expect(checked.sent).toBe(false);
        // The send check's message holds the pane's title and text, word for word.
        expect(checked.alert?.message).toContain(pane);
        expect(checked.alert?.buttons.map((b) => b.id)).toContain("sendAnyway");
        await h.answerAlert("dontSend");
      }
      expect(h.errors).toEqual([]);
    } finally {
      await h.close();
    }
  });
});

describe("the meeting's time", () => {
  it("warns about a meeting in the past before the click, and Skapa möte stays off", async () => {
    const h = await suite.open({ client: "classic", lang: "sv-SE" });
    try {
      await waitForPicker(h);
      const start = new Date(Date.now() - 3 * 3_600_000);
      await h.setField("Start", start.toISOString());
      await h.setField("Slut", new Date(start.getTime() + 3_600_000).toISOString());
      const past = warning(h, "Mötet ligger bakåt i tiden");
      await past.waitFor();
      expect(await paneSentence(h, "Mötet ligger bakåt i tiden")).toBe(
        "Mötet ligger bakåt i tiden. Ändra Start.",
      );
      const create = h.pane.getByRole("button", { name: sv.createMeeting });
      expect(await create.getAttribute("aria-disabled")).toBe("true");
      expect(await h.pane.getByText(sv.createBlockedTime).count()).toBe(1);
      await expectAxeClean(h, "meeting in the past");
      // Clicking anyway books nothing (the suite's emulators are shared: compare counts).
      const rooms = (await h.emulatorState()).pexip.conferences.length;
      await create.click({ force: true });
      await h.pane.getByText(sv.createBlockedTime).first().waitFor();
      expect((await h.emulatorState()).pexip.conferences).toHaveLength(rooms);

      // Moved to tomorrow: the warning goes and the meeting can be booked.
      const tomorrow = new Date(Date.now() + 86_400_000);
      await h.setField("Start", tomorrow.toISOString());
      await h.setField("Slut", new Date(tomorrow.getTime() + 3_600_000).toISOString());
      await past.waitFor({ state: "detached" });
      expect(await create.getAttribute("aria-disabled")).toBeNull();
      expect(h.errors).toEqual([]);
    } finally {
      await h.close();
    }
  });
});

describe("outside attendees, by meeting type", () => {
  it("warns on an internal meeting with an outside attendee, masked, in the pane and on Skicka", async () => {
    const h = await suite.open({ client: "web", lang: "sv-SE" });
    try {
      await waitForPicker(h);
      await h.pane.getByRole("radio", { name: "Internt möte utan patient" }).check();
      await h.setField("Deltagare", "kollega@region.example.se\nhandlaggare@kommun.example.se");
      const title = "Deltagare utanför organisationen";
      const item = warning(h, title);
      await item.waitFor();
      const text = await item.innerText();
      expect(text).toContain("h•••@kommun.example.se");
      expect(text).not.toContain("handlaggare");
      expect(text).not.toContain("kollega");
      expect(text).not.toMatch(/patient/i);
      await expectAxeClean(h, "outside attendee on an internal meeting");
      // Not a reason to stop booking: the organiser may mean it.
      await book(h, "Internt möte utan patient", sv);
      await expect.poll(async () => (await h.customProperties()).booking).toBeTruthy();
      const pane = await paneSentence(h, title);
      const checked = await h.send();
      expect(checked.sent).toBe(false);
      expect(checked.alert?.message).toContain(pane);
      expect(h.errors).toEqual([]);
    } finally {
      await h.close();
    }
  });
});
