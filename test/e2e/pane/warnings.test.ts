// Warnings before harm, through the harness: personal data, participant limits, consumer
// addresses, another meeting in the body (Teams, Skype → Boka om Skype-mötet), the block
// missing or edited (Återställ mötesinformationen), a removed meeting's block, a series.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findInvitationBlock, findOtherMeetings } from "../../../src/shared";
import { en } from "../../../src/taskpane/i18n/en";
import { sv } from "../../../src/taskpane/i18n/sv";
import { harnessSuite } from "../support/suite";
import type { Harness } from "../support/harness";
import { book, expectAxeClean, serviceBooking, statusText, waitForPicker } from "./support/pane";

const suite = harnessSuite();

const fixture = (name: string) => readFileSync(`test/fixtures/bodies/${name}`, "utf8");

async function withHarness(
  options: Parameters<typeof suite.open>[0],
  run: (h: Harness) => Promise<void>,
): Promise<void> {
  const h = await suite.open(options);
  try {
    await waitForPicker(h);
    await run(h);
    expect(h.errors).toEqual([]);
  } finally {
    await h.close();
  }
}

const warning = (h: Harness, title: string) =>
  h.pane.getByRole("listitem").filter({ hasText: title });

describe("personal data", () => {
  it("names the field and shows the match masked; an identity number stops Skapa möte until removed", async () => {
    await withHarness({ client: "web" }, async (h) => {
      await h.setField("Ämne", "Återbesök 19121212-1212");
      const item = warning(h, sv.personalDataTitle);
      await item.waitFor();
      expect(await item.innerText()).toContain("Ämne: personnummer 19121212-••••");
      expect(await item.innerText()).not.toContain("19121212-1212");
      const create = h.pane.getByRole("button", { name: sv.createMeeting });
      expect(await create.getAttribute("aria-disabled")).toBe("true");
      expect(await h.pane.getByText(sv.createBlocked).count()).toBe(1);
      await expectAxeClean(h, "identity number found");

      // Clicking anyway books nothing.
      await create.click({ force: true });
      expect((await h.emulatorState()).pexip.conferences).toHaveLength(0);

      await h.setField("Ämne", "Återbesök");
      await item.waitFor({ state: "detached" });
      expect(await create.getAttribute("aria-disabled")).toBeNull();

      // A phone number in the body warns but does not stop the booking.
      await h.setField("Brödtext", "<p>Ring mig på 070-174 06 05 om något ändras.</p>");
      await warning(h, sv.personalDataTitle).waitFor();
      expect(await warning(h, sv.personalDataTitle).innerText()).toContain(
        "Brödtext: telefonnummer 070-••• •• 05",
      );
      expect(await create.getAttribute("aria-disabled")).toBeNull();
    });
  });
});

describe("attendees", () => {
  it("warns when Outlook's attendees and the organizer exceed the type's limit, not for Teams types", async () => {
    await withHarness({ client: "classic" }, async (h) => {
      const fifteen = Array.from({ length: 15 }, (_, i) => `deltagare${i + 1}@region.example.se`);
      await h.setField("Deltagare", fifteen.join("\n"));
      const over = warning(h, "För många deltagare");
      await over.waitFor();
      expect(await over.innerText()).toContain("Mötet tar högst 15 deltagare och har 16 med dig.");
      expect(await over.innerText()).toContain("1177");
      await h.pane.getByRole("radio", { name: "Internt möte utan patient" }).check();
      await over.waitFor({ state: "detached" });
    });
  });

  it("names attendees at consumer e-mail domains: patients are invited through 1177", async () => {
    await withHarness({ client: "web", lang: "en-US" }, async (h) => {
      await h.setField(
        "Deltagare",
        "kollega@region.example.se\nKarl Nilsson <karl.nilsson@gmail.com>",
      );
      const item = warning(h, "Private e-mail addresses among the attendees");
      await item.waitFor();
      expect(await item.innerText()).toContain("k•••@gmail.com");
      expect(await item.innerText()).not.toContain("karl.nilsson");
      expect(await item.innerText()).not.toContain("kollega@region.example.se");
      await expectAxeClean(h, "consumer address");
    });
  });
});

describe("another meeting in the body", () => {
  it("tells how to turn off Outlook's own Teams block", async () => {
    await withHarness({ client: "web" }, async (h) => {
      await h.setField("Brödtext", fixture("teams-block.html.txt"));
      const item = warning(h, sv.teamsBlockTitle);
      await item.waitFor();
      expect(await item.innerText()).toContain("Slå av Teams-möte");
    });
  });

  it("rebooks a Skype meeting as a Skyddat vårdmöte in one action", async () => {
    await withHarness({ client: "classic" }, async (h) => {
      await h.setField("Brödtext", fixture("skype-block.html.txt"));
      const item = warning(h, sv.skypeTitle);
      await item.waitFor();
      await expectAxeClean(h, "Skype block");
      await item.getByRole("button", { name: sv.rebookSkype }).click();
      await h.pane
        .getByRole("heading", { name: "Bokat: Vårdmöte patient" })
        .waitFor({ timeout: 20_000 });
      expect(await statusText(h)).toBe(sv.skypeRebooked);
      const raw = await h.rawBody();
      expect(findOtherMeetings(raw)).toEqual([]);
      expect(findInvitationBlock(raw)?.bookingId).toBe((await h.customProperties()).bookingId);
      expect(await h.body()).toContain("Teamträff om rutiner för remisser.");
      expect(await h.body()).toContain("Hälsningar, Karl");
    });
  });
});

describe("the block while the booking exists", () => {
  it("puts back a deleted block with Återställ mötesinformationen", async () => {
    await withHarness({ client: "mac" }, async (h) => {
      await h.setField("Brödtext", "<p>Dagordning</p>");
      await book(h, "Vårdmöte patient", sv);
      await h.setField("Brödtext", "<p>Dagordning</p>");
      const item = warning(h, sv.blockMissingTitle);
      await item.waitFor();
      await expectAxeClean(h, "block missing");
      await item.getByRole("button", { name: sv.restoreBlock }).click();
      await item.waitFor({ state: "detached" });
      expect(await statusText(h)).toBe(sv.restored);
      const raw = await h.rawBody();
      expect(findInvitationBlock(raw)?.bookingId).toBe((await h.customProperties()).bookingId);
      expect(await h.body()).toContain("Dagordning");
    });
  });

  it("notices an edited block and restores it", async () => {
    await withHarness({ client: "web" }, async (h) => {
      await book(h, "Internt möte utan patient", sv);
      const raw = await h.rawBody();
      await h.setField("Brödtext", raw.replace("Anslut i god tid", "Anslut när du vill"));
      const item = warning(h, sv.blockEditedTitle);
      await item.waitFor();
      await item.getByRole("button", { name: sv.restoreBlock }).click();
      await item.waitFor({ state: "detached" });
      expect(await h.body()).toContain("Anslut i god tid");
      expect(await h.body()).not.toContain("Anslut när du vill");
    });
  });

  it("forgets a meeting removed elsewhere and offers to take its block out", async () => {
    await withHarness({ client: "web" }, async (h) => {
      await book(h, "Vårdmöte patient", sv);
      const { bookingId, manageKey } = await h.customProperties();
      const token = await fetch(`${suite.server.emu.entra.url}/_emulator/users/token`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ user: "anna" }),
      }).then((r) => r.json() as Promise<{ access_token: string }>);
      const deleted = await fetch(`${suite.server.url}/api/v1/meetings/${String(bookingId)}`, {
        method: "DELETE",
        headers: {
          authorization: `Bearer ${token.access_token}`,
          "x-manage-key": String(manageKey),
        },
      });
      expect(deleted.status).toBe(204);
      await h.reloadPane();
      const item = warning(h, sv.orphanTitle);
      await item.waitFor({ timeout: 20_000 });
      expect(await h.customProperties()).toEqual({});
      await item.getByRole("button", { name: sv.removeOrphan }).click();
      await item.waitFor({ state: "detached" });
      expect(findInvitationBlock(await h.rawBody())).toBeNull();
      expect(await h.location()).toBe("");
    });
  });
});

describe("a recurring series", () => {
  it("says one room serves the series and sends the series' end to the service", async () => {
    // Sixteen weeks from today, so the series always ends after the harness's appointment.
    const last = new Date(Date.now() + 16 * 7 * 24 * 60 * 60 * 1000);
    const lastDay = last.toISOString().slice(0, 10);
    const shown = new Intl.DateTimeFormat("en-GB", {
      day: "numeric",
      month: "short",
      year: "numeric",
      timeZone: "UTC",
    }).format(last);
    await withHarness({ client: "classic", lang: "en-US" }, async (h) => {
      await h.setField("Upprepning", "weekly");
      await h.setField("Slutdatum för upprepning", lastDay);
      const item = warning(h, en.seriesTitle);
      await item.waitFor();
      await book(h, "Care meeting with patient", en);
      const booking = await serviceBooking(h);
      expect(booking.seriesEnd).not.toBeNull();
      expect(new Date(booking.seriesEnd ?? "").toISOString().slice(0, 10)).toBe(lastDay);
      expect(await h.pane.getByText(en.seriesUntil.replace("{date}", shown)).count()).toBe(1);
    });
  });
});
