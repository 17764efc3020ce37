// No orphan from a closed pane (issue 16): Skapa möte records its Idempotency-Key and type in the
// appointment before calling the service; a pane closed at any step of the create and opened
// again finishes it with the same key — the service answers with the same room — and writes the
// block. Each case closes the pane at one step and counts the rooms: always exactly one.
import { describe, expect, it } from "vitest";
import type { Route } from "playwright-core";
import { findInvitationBlock } from "../../../src/shared";
import { CUSTOM_PROPERTY_PENDING_CREATE } from "../../../src/shared/contract";
import { sv } from "../../../src/taskpane/i18n/sv";
import { harnessSuite } from "../support/suite";
import type { Harness } from "../support/harness";
import { waitForPicker } from "./support/pane";

const suite = harnessSuite();

type StoreStep = "saveCustomProperties" | "writeBody" | "setLocation" | "saveItem";

/**
 * Closes the pane right after its `nth` call of `step` into the harness's Outlook store: the
 * frame is removed (as when the user closes the pane) and anything it still tries to do to the
 * item fails, so nothing after that step happens.
 */
async function closePaneAfter(h: Harness, step: StoreStep, nth: number): Promise<void> {
  await h.page.evaluate(
    ([step, nth]) => {
      type Fn = (...args: unknown[]) => unknown;
      const w = window as unknown as Record<string, unknown> & {
        __svmHarness: { store: Record<string, Fn> };
      };
      const store = w.__svmHarness.store;
      const originals: Array<[string, Fn]> = [];
      const trap = {
        fired: false,
        count: 0,
        // The reopened pane is a new one: Outlook works normally for it again.
        restore: () => originals.forEach(([name, fn]) => (store[name] = fn)),
      };
      w.__closeTrap = trap;
      for (const name of ["saveCustomProperties", "writeBody", "setLocation", "saveItem"]) {
        const original = store[name] as Fn;
        originals.push([name, original]);
        store[name] = function (this: unknown, ...args: unknown[]) {
          const by = args[args.length - 1];
          if (by === "user") return original.apply(this, args);
          if (trap.fired) throw new Error("the pane is closed");
          const result = original.apply(this, args);
          if (name === step && ++trap.count === nth) {
            trap.fired = true;
            document.querySelector('iframe[title="Skyddat vårdmöte"]')?.remove();
          }
          return result;
        };
      }
    },
    [step, nth] as const,
  );
}

async function trapFired(h: Harness): Promise<boolean> {
  return h.page.evaluate(
    () => (window as unknown as { __closeTrap?: { fired: boolean } }).__closeTrap?.fired === true,
  );
}

/** The pane's POST /meetings: `lost` lets it reach the service and loses the answer. */
async function closePaneAtService(h: Harness, lost: boolean): Promise<() => boolean> {
  let done = false;
  await h.context.route("**/api/v1/meetings", async (route: Route) => {
    if (route.request().method() !== "POST") return route.continue();
    if (lost) await route.fetch();
    await h.page.evaluate(() =>
      document.querySelector('iframe[title="Skyddat vårdmöte"]')?.remove(),
    );
    done = true;
    await route.abort("aborted").catch(() => {});
  });
  return () => done;
}

async function rooms(h: Harness): Promise<number> {
  return (await h.emulatorState()).pexip.conferences.length;
}

async function expectOneBookingAfterReopen(h: Harness, before: number): Promise<void> {
  await h.reloadPane();
  await h.pane
    .getByRole("heading", { name: "Bokat: Vårdmöte patient" })
    .waitFor({ timeout: 30_000 });
  expect(await rooms(h)).toBe(before + 1);
  const props = await h.customProperties();
  expect(props[CUSTOM_PROPERTY_PENDING_CREATE]).toBeUndefined();
  const raw = await h.rawBody();
  expect(findInvitationBlock(raw)?.bookingId).toBe(props.bookingId);
  // One block, one Location part: a half-written earlier attempt is replaced, not repeated.
  expect(raw.split("/webapp/m/").length - 1).toBeLessThanOrEqual(2);
  expect((await h.location()).split("Skyddat vårdmöte").length - 1).toBe(1);
}

async function startCreate(h: Harness): Promise<void> {
  await waitForPicker(h);
  await h.pane.getByRole("radio", { name: "Vårdmöte patient" }).check();
  await h.pane.getByRole("button", { name: sv.createMeeting }).click();
}

describe("closing the pane during Skapa möte", () => {
  it.each([
    ["before the service is called", false],
    ["after the service booked, before its answer arrived", true],
  ] as const)("%s: the reopened pane finishes with the same room", async (_, lost) => {
    const h = await suite.open({ client: "web", lang: "sv-SE" });
    try {
      const before = await rooms(h);
      const closed = await closePaneAtService(h, lost);
      await startCreate(h);
      await expect.poll(closed, { timeout: 20_000 }).toBe(true);
      expect(await rooms(h)).toBe(before + (lost ? 1 : 0));
      await h.context.unroute("**/api/v1/meetings");
      await expectOneBookingAfterReopen(h, before);
      expect(await h.pane.getByText(sv.createResumed).count()).toBe(1);
    } finally {
      await h.close();
    }
  });

  it.each([
    ["the attempt is recorded", "saveCustomProperties", 1, "web"],
    [
      "the attempt is recorded (classic Outlook, which keeps properties only on save)",
      "saveItem",
      1,
      "classic",
    ],
    ["the block is written", "writeBody", 1, "web"],
    ["the Location is written", "setLocation", 1, "mac"],
    ["the booking reference is saved", "saveCustomProperties", 2, "web"],
    ["the item is saved", "saveItem", 1, "web"],
  ] as const)("right after %s: one room", async (_, step, nth, client) => {
    const h = await suite.open({ client, lang: "sv-SE" });
    try {
      const before = await rooms(h);
      await waitForPicker(h);
      await closePaneAfter(h, step, nth);
      await startCreate(h);
      await expect.poll(() => trapFired(h), { timeout: 20_000 }).toBe(true);
      await h.page.evaluate(() =>
        (window as unknown as { __closeTrap: { restore(): void } }).__closeTrap.restore(),
      );
      await expectOneBookingAfterReopen(h, before);
    } finally {
      await h.close();
    }
  });
});
