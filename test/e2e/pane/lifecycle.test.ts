// Times that change while the pane is open, failures explained (and nothing half-written), the
// attendee's view, and what leaves the pane (type, times, locale — never the appointment's text).
import { describe, expect, it } from "vitest";
import type { Request } from "playwright-core";
import { findInvitationBlock } from "../../../src/shared";
import { sv } from "../../../src/taskpane/i18n/sv";
import { harnessSuite } from "../support/suite";
import type { Harness } from "../support/harness";
import {
  book,
  expectAxeClean,
  paneFrame,
  serviceBooking,
  statusText,
  waitForPicker,
} from "./support/pane";

const suite = harnessSuite();

async function withHarness(
  options: Parameters<typeof suite.open>[0],
  run: (h: Harness) => Promise<void>,
): Promise<void> {
  const h = await suite.open(options);
  try {
    await run(h);
  } finally {
    await suite.server.emu.pexip.faults.clear();
    await suite.server.emu.graph.faults.clear();
    await h.close();
  }
}

/** A datetime-local value ("YYYY-MM-DDTHH:mm") for a local time `days` from today. */
function localDay(days: number, hours: number, minutes: number): { input: string; date: Date } {
  const date = new Date();
  date.setDate(date.getDate() + days);
  date.setHours(hours, minutes, 0, 0);
  const pad = (n: number) => String(n).padStart(2, "0");
  const input = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(hours)}:${pad(minutes)}`;
  return { input, date };
}

describe("times", () => {
  it("updates the booking when Start and Slut change while the pane is open", async () => {
    await withHarness({ client: "web" }, async (h) => {
      await book(h, "Vårdmöte patient", sv);
      const start = localDay(4, 13, 0);
      const end = localDay(4, 14, 30);
      await h.setField("Start", start.input);
      await h.setField("Slut", end.input);
      await expect.poll(() => statusText(h), { timeout: 15_000 }).toBe(sv.timesUpdated);
      const booking = await serviceBooking(h);
      expect(booking.start).toBe(start.date.toISOString());
      expect(booking.end).toBe(end.date.toISOString());
    });
  });

  it("follows a recurrence added after booking (one room for the series)", async () => {
    await withHarness({ client: "mac" }, async (h) => {
      await book(h, "Internt möte utan patient", sv);
      expect((await serviceBooking(h)).seriesEnd).toBeNull();
      await h.setField("Upprepning", "daily");
      await h.setField("Slutdatum för upprepning", localDay(60, 0, 0).input.slice(0, 10));
      await expect
        .poll(async () => (await serviceBooking(h)).seriesEnd, { timeout: 15_000 })
        .not.toBeNull();
    });
  });
});

describe("failures", () => {
  it("explains a refused booking in Swedish, writes nothing, and books on Försök igen", async () => {
    await withHarness({ client: "classic" }, async (h) => {
      await waitForPicker(h);
      await h.setField("Brödtext", "<p>Dagordning</p>");
      const before = await h.rawBody();
      await suite.server.emu.pexip.faults.add({
        route: "POST /api/admin/configuration/v1/conference/",
        status: 503,
      });
      await h.pane.getByRole("button", { name: sv.createMeeting }).click();
      await expect.poll(() => statusText(h), { timeout: 30_000 }).toMatch(/Videotjänsten|tjänsten/);
      const message = await statusText(h);
      expect(message).not.toMatch(/Error|at \w+ \(|stack|HTTP \d/);
      expect(await h.rawBody()).toBe(before);
      // Only the attempt is on record (the service may have booked before failing): no booking.
      expect(Object.keys(await h.customProperties()).sort()).toEqual([
        "pendingCreate",
        "stateVersion",
      ]);
      expect(await h.location()).toBe("");
      await expectAxeClean(h, "create failed");

      await suite.server.emu.pexip.faults.clear();
      await h.pane.getByRole("button", { name: sv.retry }).click();
      await h.pane
        .getByRole("heading", { name: "Bokat: Vårdmöte patient" })
        .waitFor({ timeout: 20_000 });
      expect(findInvitationBlock(await h.rawBody())).not.toBeNull();
    });
  });

  it("keeps the block and the booking when the meeting cannot be removed", async () => {
    await withHarness({ client: "web" }, async (h) => {
      await book(h, "Informationsmöte patient", sv);
      const before = await h.rawBody();
      const props = await h.customProperties();
      await suite.server.emu.graph.faults.add({ route: "DELETE /v1.0/users/", status: 503 });
      await h.pane.getByRole("button", { name: sv.removeMeeting }).click();
      await h.pane.getByRole("alertdialog").getByRole("button", { name: sv.removeMeeting }).click();
      await expect.poll(() => statusText(h), { timeout: 30_000 }).toMatch(/Videotjänsten|tjänsten/);
      expect(await h.rawBody()).toBe(before);
      expect(await h.customProperties()).toEqual(props);
      expect(
        await h.pane.getByRole("heading", { name: "Bokat: Informationsmöte patient" }).count(),
      ).toBe(1);
    });
  });
});

describe("links to copy", () => {
  it("copies the one patient link (interpreters use it too) and the Anslut tillsammans text", async () => {
    await withHarness({ client: "web" }, async (h) => {
      await h.context.grantPermissions(["clipboard-read", "clipboard-write"], {
        origin: suite.server.url,
      });
      await book(h, "Vårdmöte patient", sv);
      const joinUrl = findInvitationBlock(await h.rawBody())?.joinUrl ?? "";
      const frame = await paneFrame(h);
      const clipboard = () => frame.evaluate(() => navigator.clipboard.readText());
      expect(await h.pane.getByText("Skyddat digitalt vårdmöte i grupp").count()).toBe(1);
      expect(await h.pane.getByText(sv.childUnder13).count()).toBe(1);

      // One link, one name, one button: the interpreter's and relatives' link is the patient's.
      const copyButtons = h.pane.getByRole("button", { name: /^Kopiera/ });
      expect(await copyButtons.allTextContents()).toEqual([
        sv.copyPatientLink,
        sv.copyJoinTogether,
      ]);
      expect(await h.pane.getByText(sv.sameLinkPatient, { exact: true }).count()).toBe(1);
      expect(await h.pane.getByText(sv.hostLinkNote, { exact: true }).count()).toBe(1);
      await h.pane.getByRole("button", { name: sv.copyPatientLink, exact: true }).click();
      await expect.poll(clipboard).toBe(joinUrl);
      await h.pane.getByRole("status").filter({ hasText: sv.copied }).first().waitFor();

      await h.pane.getByRole("button", { name: sv.copyJoinTogether }).click();
      await expect
        .poll(clipboard)
        .toBe(`${sv.joinTogetherTitle}\n${sv.joinTogetherText.replace("{limit}", "15")}`);
    });
  });

  it("has no patient section, and no patient link by name, for an internal meeting", async () => {
    await withHarness({ client: "mac" }, async (h) => {
      await book(h, "Internt möte utan patient", sv);
      await h.pane.getByRole("button", { name: sv.copyMeetingLink, exact: true }).waitFor();
      expect(await h.pane.getByRole("button", { name: /patientlänk/i }).count()).toBe(0);
      expect(await h.pane.getByText(/patientlänk|patienten/i).count()).toBe(0);
      expect(await h.pane.getByText(sv.sameLinkInternal, { exact: true }).count()).toBe(1);
    });
  });
});

describe("the attendee's view", () => {
  it("shows the join link only", async () => {
    await withHarness({ client: "web" }, async (h) => {
      await book(h, "Vårdmöte patient", sv);
      const joinUrl = findInvitationBlock(await h.rawBody())?.joinUrl ?? "";
      await h.save();
      await h.reopen({ mode: "attendee", user: "karl" });
      const link = h.pane.getByRole("link", { name: sv.attendeeJoin });
      await link.waitFor({ timeout: 20_000 });
      expect(await link.getAttribute("href")).toBe(joinUrl);
      expect(await h.pane.getByRole("button").count()).toBe(0);
      expect(await h.pane.getByText(sv.attendeeLobby).count()).toBe(1);
      await expectAxeClean(h, "attendee");
    });
  });

  it("says so when the appointment has no Skyddat vårdmöte", async () => {
    await withHarness({ client: "mac", mode: "attendee" }, async (h) => {
      await h.pane.getByText(sv.attendeeNone).waitFor({ timeout: 20_000 });
    });
  });
});

describe("privacy", () => {
  it("sends the service only type, times and locale: never subject, attendees, body or location", async () => {
    await withHarness({ client: "web" }, async (h) => {
      const secrets = [
        "Karl Nilsson",
        "karl.nilsson@region.example.se",
        "Mottagning 3",
        "Dagordning för samtalet",
      ];
      await waitForPicker(h);
      await h.setField("Ämne", "Samtal med Karl Nilsson");
      await h.setField("Plats", "Mottagning 3");
      await h.setField("Deltagare", "Karl Nilsson <karl.nilsson@region.example.se>");
      await h.setField("Brödtext", "<p>Dagordning för samtalet</p>");
      const requests: Request[] = [];
      h.context.on("request", (request) => {
        if (request.url().startsWith(suite.server.url) && request.url().includes("/api/"))
          requests.push(request);
      });
      await book(h, "Vårdmöte patient", sv);
      await h.pane.getByRole("button", { name: sv.changeType }).click();
      await h.pane.getByRole("radio", { name: "Internt möte utan patient" }).check();
      await h.pane
        .getByRole("button", {
          name: sv.changeTypeConfirm.replace("{type}", "Internt möte utan patient"),
          exact: true,
        })
        .click();
      await h.pane
        .getByRole("heading", { name: "Bokat: Internt möte utan patient" })
        .waitFor({ timeout: 20_000 });
      // 45 minutes after the form's start, whatever the time of day the test runs.
      const { start } = await h.state();
      await h.setField("Slut", new Date(Date.parse(start) + 45 * 60_000).toISOString());
      await expect.poll(() => statusText(h), { timeout: 15_000 }).toBe(sv.timesUpdated);
      await h.pane.getByRole("button", { name: sv.removeMeeting }).click();
      await h.pane.getByRole("alertdialog").getByRole("button", { name: sv.removeMeeting }).click();
      await waitForPicker(h);

      const sent = requests.map((r) => ({ method: r.method(), url: r.url(), body: r.postData() }));
      expect(sent.map((r) => r.method).sort()).toEqual(
        expect.arrayContaining(["GET", "POST", "POST", "PATCH", "DELETE"]),
      );
      for (const request of sent) {
        for (const secret of secrets) {
          expect(request.url).not.toContain(secret);
          expect(request.body ?? "").not.toContain(secret);
        }
        if (request.body) {
          const keys = Object.keys(JSON.parse(request.body) as object);
          expect(
            keys.every((k) => ["type", "start", "end", "seriesEnd", "locale"].includes(k)),
          ).toBe(true);
        }
      }
      const create = sent.find((r) => r.method === "POST" && r.url.endsWith("/api/v1/meetings"));
      expect(Object.keys(JSON.parse(create?.body ?? "{}") as object).sort()).toEqual([
        "end",
        "locale",
        "seriesEnd",
        "start",
        "type",
      ]);
    });
  });
});
