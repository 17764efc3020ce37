// Väntrum in the harness: book a care meeting, a simulated patient joins and waits, the pane
// shows it live (by initials, the care meetings' policy), "Släpp in" lets them in and the Pexip
// emulator shows them admitted; a second pane (no manageKey) sees nothing; light, dark and high
// contrast are axe-clean; the organizer's read form shows Väntrum too, an attendee's does not;
// English; Teams gets its one line. Afterwards the patient's display
// name is nowhere in the database or the metrics.
import { mkdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { SIMULATED_PATIENT_NAME } from "../../../src/dev/harness-routes";
import { ROOM_WORDS } from "../../../src/taskpane/i18n/waiting-room";
import { en } from "../../../src/taskpane/i18n/en";
import { sv } from "../../../src/taskpane/i18n/sv";
import type { Harness } from "../support/harness";
import { harnessSuite } from "../support/suite";
import { book, expectAxeClean, focused, shootPane } from "./support/pane";

// Pictures for docs/taskpane.md: a temporary folder on every run; to refresh the docs:
//   SCREENSHOT_DIR=docs/screenshots npx vitest run --project browser test/e2e/pane/waiting-room.test.ts
const DIR = path.resolve(process.env.SCREENSHOT_DIR ?? path.join(tmpdir(), "svm-pane-screenshots"));

const suite = harnessSuite();
const SV = ROOM_WORDS.sv;
const EN = ROOM_WORDS.en;

const section = (h: Harness) => h.pane.getByTestId("waiting-room");
const liveRegion = (h: Harness) => section(h).getByRole("status").first();

async function simulatePatient(h: Harness): Promise<void> {
  await h.page.getByRole("button", { name: "Simulera att patienten ansluter" }).click();
  await expect
    .poll(() => h.page.locator("#patient-status").textContent())
    .toContain("väntar i väntrummet");
}

function heldCalls(h: Harness) {
  return h
    .emulatorState()
    .then((s) => s.pexip.live.flatMap((c) => c.participants).map((p) => p.is_on_hold));
}

describe("Väntrum", () => {
  it("shows the waiting patient live, lets them in, and a pane without the key sees nothing", async () => {
    const h = await suite.open({ client: "web", theme: "light" });
    const other = await suite.open({ client: "web" });
    try {
      await book(h, "Vårdmöte patient", sv);
      await section(h).getByRole("heading", { name: SV.heading }).waitFor({ timeout: 20_000 });
      await section(h).getByText(SV.nobodyWaiting, { exact: true }).first().waitFor();

      await simulatePatient(h);
      await section(h).getByText(SV.patientWaitingJustNow).waitFor({ timeout: 20_000 });
      await expect.poll(() => liveRegion(h).textContent()).toBe(SV.patientWaiting);
      // Care meetings show initials, never the name.
      await section(h).getByText("TT", { exact: true }).waitFor();
      expect(await section(h).textContent()).not.toContain("Tolvan");
      await expectAxeClean(h, "light: patient waiting");
      mkdirSync(DIR, { recursive: true });
      await shootPane(h, path.join(DIR, "light-7-waiting-room.png"));
      await h.setTheme("dark");
      await expectAxeClean(h, "dark: patient waiting");
      await shootPane(h, path.join(DIR, "dark-7-waiting-room.png"));
      expect(statSync(path.join(DIR, "dark-7-waiting-room.png")).size).toBeGreaterThan(1000);
      await h.setTheme("contrast");
      await expectAxeClean(h, "contrast: patient waiting");
      await h.setTheme("light");

      // The second pane is another appointment: no booking, no key, no Väntrum.
      await other.pane.getByRole("radiogroup").waitFor({ timeout: 20_000 });
      expect(await other.pane.getByTestId("waiting-room").count()).toBe(0);
      expect(await other.pane.locator("body").textContent()).not.toContain("TT");
      // Asked directly with a signed-in user but without the manageKey: 403, nothing else.
      const props = await h.customProperties();
      const bookingId = Object.values(props).find(
        (v): v is string => typeof v === "string" && /^[0-9a-f-]{36}$/.test(v),
      );
      expect(bookingId).toBeDefined();
      const token = (await suite.server.emu.entra.issueUserToken({ user: "karl" })).access_token;
      for (const path of ["room", "room/events"]) {
        const res = await fetch(`${suite.server.url}/api/v1/meetings/${bookingId}/${path}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(res.status).toBe(403);
        expect(await res.text()).not.toMatch(/Tolvan|TT/);
      }

      // Släpp in with the keyboard.
      const admit = section(h).getByRole("button", { name: SV.admitWho.replace("{who}", "TT") });
      await admit.focus();
      expect((await focused(h)).text).toBe(SV.admit);
      await h.page.keyboard.press("Enter");
      await expect.poll(() => heldCalls(h)).toEqual([false]);
      await section(h).getByText("Mötet pågår (1 av 15)").first().waitFor({ timeout: 20_000 });
      await expect
        .poll(() => liveRegion(h).textContent())
        .toBe("Ingen väntar. Mötet pågår (1 av 15)");
      expect(h.errors).toEqual([]);

      // Nothing of the patient's name was kept: every table, and the metrics.
      const db = suite.server.store.db;
      const tables = await sql<{ name: string }>`
        select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(
        db,
      );
      let dump = "";
      for (const { name } of tables.rows)
        dump += JSON.stringify((await sql`select * from ${sql.table(name)}`.execute(db)).rows);
      expect(dump).toContain("care");
      const metrics = await suite.server.app.metrics.registry.metrics();
      for (const part of [SIMULATED_PATIENT_NAME, ...SIMULATED_PATIENT_NAME.split(" ")]) {
        expect(dump).not.toContain(part);
        expect(metrics).not.toContain(part);
      }
    } finally {
      await other.close();
      await h.close();
    }
  });

  it("shows the organizer Väntrum in the read form too; an attendee reading the item sees none", async () => {
    const h = await suite.open({ client: "web" });
    try {
      await book(h, "Vårdmöte patient", sv);
      await h.save();
      // Outlook's read form (the calendar's reading pane) for the organizer: same mailbox user
      // as the appointment's organizer, so the pane reads the organizer's custom properties.
      await h.reopen({ mode: "attendee" });
      await section(h).getByRole("heading", { name: SV.heading }).waitFor({ timeout: 20_000 });
      await h.pane.getByRole("button", { name: sv.startMeeting }).first().waitFor();
      // Nothing that writes to the item: the read form cannot.
      expect(await h.pane.getByRole("button", { name: sv.changeType }).count()).toBe(0);
      expect(await h.pane.getByRole("button", { name: sv.removeMeeting }).count()).toBe(0);
      await section(h).getByText(SV.nobodyWaiting, { exact: true }).first().waitFor();

      await simulatePatient(h);
      await section(h).getByText(SV.patientWaitingJustNow).waitFor({ timeout: 20_000 });
      await expectAxeClean(h, "read form: patient waiting");
      // The suite's emulator may still hold the other tests' calls: count the held ones.
      const held = () => heldCalls(h).then((calls) => calls.filter(Boolean).length);
      expect(await held()).toBe(1);
      await section(h)
        .getByRole("button", { name: SV.admitWho.replace("{who}", "TT") })
        .click();
      await expect.poll(held).toBe(0);
      await section(h).getByText("Mötet pågår (1 av 15)").first().waitFor({ timeout: 20_000 });

      // Starta möte from the read form fetches the host link and opens it.
      const opened = h.context.waitForEvent("page");
      await h.pane.getByRole("button", { name: sv.startMeeting }).first().click();
      const host = await opened;
      await host.waitForLoadState();
      expect(host.url()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/webapp\/m\/\d+\//);
      await host.close();
      await h.pane.getByText(sv.started).waitFor();
      expect(h.errors).toEqual([]);

      // Another user reading the same appointment (an attendee's copy): the join link only.
      await h.reopen({ mode: "attendee", user: "karl" });
      await h.pane.getByRole("link", { name: sv.attendeeJoin }).waitFor({ timeout: 20_000 });
      expect(await h.pane.getByTestId("waiting-room").count()).toBe(0);
      expect(await h.pane.getByRole("button").count()).toBe(0);
      expect(await h.pane.locator("body").textContent()).not.toContain(SV.heading);
    } finally {
      await h.close();
    }
  });

  it("speaks English, and says that a Teams meeting's lobby is handled in Teams", async () => {
    const h = await suite.open({ client: "web", lang: "en-US" });
    try {
      await book(h, "Care meeting with patient", en);
      await section(h).getByRole("heading", { name: EN.heading }).waitFor({ timeout: 20_000 });
      await simulatePatient(h);
      await section(h).getByText(EN.patientWaitingJustNow).waitFor({ timeout: 20_000 });
      await section(h)
        .getByRole("button", { name: EN.admitWho.replace("{who}", "TT") })
        .waitFor();
      await section(h).getByRole("button", { name: en.startMeeting }).waitFor();
    } finally {
      await h.close();
    }
    const teams = await suite.open({ client: "web" });
    try {
      await book(teams, "Informationsmöte patient", sv);
      await section(teams).getByText(SV.teams).waitFor({ timeout: 20_000 });
      expect(await section(teams).getByRole("button").count()).toBe(0);
    } finally {
      await teams.close();
    }
  });
});
