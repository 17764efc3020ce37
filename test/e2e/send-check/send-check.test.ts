// Issue 7 through the harness: Skicka runs the real launchevent.js's onAppointmentSend as Outlook
// would; changing Start/Slut and Deltagare runs the other two handlers.
import { describe, expect, it } from "vitest";
import { BookingSnapshot } from "../../../src/shared/contract";
import { sv } from "../../../src/taskpane/i18n/sv";
import { harnessSuite } from "../support/suite";
import type { Harness } from "../support/harness";
import { book, serviceBooking } from "../pane/support/pane";

const suite = harnessSuite();

/** Closes the task pane, as the user does before sending: only the launch events run then. */
async function closePane(h: Harness): Promise<void> {
  await h.page.evaluate(() => {
    const frame = document.querySelector<HTMLIFrameElement>('iframe[title="Skyddat vårdmöte"]');
    if (frame) frame.src = "about:blank";
  });
}

async function snapshot(h: Harness): Promise<BookingSnapshot> {
  return BookingSnapshot.parse(JSON.parse(String((await h.customProperties()).booking)));
}

describe("the send check in the harness", () => {
  it("cannot send an invitation with 19121212-1212 in it; sends at once when it is gone", async () => {
    const h = await suite.open({ client: "web", lang: "sv-SE" });
    try {
      await book(h, "Vårdmöte patient", sv);
      await expect.poll(async () => (await h.customProperties()).booking).toBeTruthy();
      await closePane(h);

      await h.setField("Ämne", "Samtal 19121212-1212");
      const blocked = await h.send();
      expect(blocked.sent).toBe(false);
      expect(blocked.alert?.message).toContain("personnummer 19121212-•••• (Ämne)");
      expect(blocked.alert?.message).not.toContain("1212-1212");
      expect(blocked.alert?.buttons.map((b) => b.id)).not.toContain("sendAnyway");
      await h.answerAlert("dontSend");
      expect((await h.saved()).sent).toBe(false);

      await h.setField("Ämne", "Samtal");
      const sent = await h.send();
      expect(sent.alert).toBeNull();
      expect(sent.sent).toBe(true);
      expect(h.errors).toEqual([]);
    } finally {
      await h.close();
    }
  });

  it("blocks an identity number in the body of an appointment without a booking", async () => {
    const h = await suite.open({ client: "classic", lang: "en-US" });
    try {
      await closePane(h);
      await h.setField("Brödtext", "<p>Regarding 701063-2391</p>");
      const blocked = await h.send();
      expect(blocked.sent).toBe(false);
      expect(blocked.alert?.message).toContain("coordination number 701063-•••• (Body)");
    } finally {
      await h.close();
    }
  });

  it("warns about a removed block and lets the user send anyway", async () => {
    const h = await suite.open({ client: "mac", lang: "sv-SE" });
    try {
      await book(h, "Internt möte utan patient", sv);
      await expect.poll(async () => (await h.customProperties()).booking).toBeTruthy();
      await closePane(h);
      await h.setField("Brödtext", "<p>Dagordning: rutiner.</p>");
      const warned = await h.send();
      expect(warned.sent).toBe(false);
      expect(warned.alert?.message).toContain("Mötesinformationen saknas i brödtexten");
      expect(warned.alert?.buttons.map((b) => b.id)).toContain("sendAnyway");
      expect((await h.answerAlert("sendAnyway")).sent).toBe(true);
    } finally {
      await h.close();
    }
  });

  it("moves the booking with the appointment's times, with the pane closed", async () => {
    const h = await suite.open({ client: "web", lang: "sv-SE" });
    try {
      await book(h, "Vårdmöte patient", sv);
      await expect.poll(async () => (await h.customProperties()).booking).toBeTruthy();
      await closePane(h);
      const before = await snapshot(h);
      const start = new Date(Date.parse(before.start) + 2 * 86_400_000).toISOString();
      const end = new Date(Date.parse(before.end) + 2 * 86_400_000 + 1_800_000).toISOString();
      await h.setField("Start", start);
      await h.setField("Slut", end);
      await expect.poll(async () => (await serviceBooking(h)).end, { timeout: 15_000 }).toBe(end);
      expect((await serviceBooking(h)).start).toBe(start);
      await expect.poll(async () => (await snapshot(h)).end).toBe(end);
      const runs = await h.launchEvents();
      expect(
        runs
          .filter((r) => r.name === "onAppointmentTimeChanged")
          .every((r) => r.outcome === "completed"),
      ).toBe(true);
      expect((await h.send()).sent).toBe(true);
    } finally {
      await h.close();
    }
  });

  it("tells when more attendees are invited than a care meeting takes, and stops telling below", async () => {
    const h = await suite.open({ client: "web", lang: "sv-SE" });
    try {
      await book(h, "Vårdmöte patient", sv);
      await expect.poll(async () => (await h.customProperties()).booking).toBeTruthy();
      const sixteen = Array.from({ length: 16 }, (_, i) => `deltagare${i + 1}@region.example.se`);
      await h.setField("Deltagare", sixteen.join("\n"));
      await expect
        .poll(
          async () => (await h.notifications()).find((n) => n.key === "svmAttendeeLimit")?.message,
        )
        .toBe(
          "För många deltagare. Mötet tar högst 15 deltagare och har 17 med dig. De som ansluter via 1177 räknas också.",
        );
      // 14 invitees and the organiser: exactly the limit, nothing to tell.
      await h.setField("Deltagare", sixteen.slice(0, 14).join("\n"));
      await expect
        .poll(async () => (await h.notifications()).some((n) => n.key === "svmAttendeeLimit"))
        .toBe(false);
    } finally {
      await h.close();
    }
  });
});
