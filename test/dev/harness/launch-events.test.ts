import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  LAUNCH_EVENTS,
  LaunchEvents,
  MANIFEST_SEND_MODE,
  type AlertButton,
  type SendUi,
  type SmartAlert,
} from "../../../src/dev/harness/store/launch-events";
import { newStore, open } from "./fake-office";

type Completed = (options?: Record<string, unknown>) => void;

function withHandler(query: string, handler: (event: { completed: Completed }) => void) {
  const store = newStore(query);
  const events = new LaunchEvents(store);
  open(store, "events").Office.actions.associate("onAppointmentSend", handler);
  return { store, events };
}

function ui(answer: AlertButton) {
  const shown: SmartAlert[] = [];
  const opened: string[] = [];
  const notices: Array<(value: "dontSend") => void> = [];
  const fake: SendUi = {
    showAlert: async (alert) => {
      shown.push(alert);
      return answer;
    },
    showTakingLonger: () => {
      let answerNotice: (value: "dontSend") => void = () => {};
      const promise = new Promise<"dontSend">((resolve) => (answerNotice = resolve));
      notices.push(answerNotice);
      return { answer: promise, close: () => {} };
    },
    openPane: (id) => opened.push(id),
  };
  return { fake, shown, opened, notices };
}

afterEach(() => vi.useRealTimers());

describe("Skicka and onAppointmentSend", () => {
  it("sends at once when no function is associated", async () => {
    const store = newStore();
    const outcome = await new LaunchEvents(store).send(ui("dontSend").fake);
    expect(outcome).toMatchObject({ sent: true, alert: null });
    expect(store.snapshot().sent).toBe(true);
  });

  it("sends when the handler allows it", async () => {
    const { store, events } = withHandler("", (e) => e.completed({ allowEvent: true }));
    expect((await events.send(ui("dontSend").fake)).sent).toBe(true);
    expect(store.snapshot().sent).toBe(true);
  });

  it("blocks with a Smart Alert that has only Don't Send under SoftBlock", async () => {
    expect(MANIFEST_SEND_MODE).toBe("SoftBlock");
    const { store, events } = withHandler("", (e) =>
      e.completed({ allowEvent: false, errorMessage: "Ta bort personnumret ur Ämne." }),
    );
    const user = ui("dontSend");
    const outcome = await events.send(user.fake);
    expect(outcome.sent).toBe(false);
    expect(store.snapshot().sent).toBe(false);
    expect(user.shown[0]).toEqual({
      title: "Skyddat vårdmöte",
      message: "Ta bort personnumret ur Ämne.",
      markdown: false,
      buttons: [{ id: "dontSend", label: "Skicka inte" }],
      commandId: null,
    });
  });

  it("offers Send Anyway with sendModeOverride promptUser, and Take Action with a commandId", async () => {
    const { store, events } = withHandler("lang=en-US", (e) =>
      e.completed({
        allowEvent: false,
        errorMessage: "Check the invitation.",
        sendModeOverride: "promptUser",
        commandId: "svmOrganizerButton",
        cancelLabel: "Open the pane",
      }),
    );
    const user = ui("sendAnyway");
    expect((await events.send(user.fake)).sent).toBe(true);
    expect(store.snapshot().sent).toBe(true);
    expect(user.shown[0]?.buttons).toEqual([
      { id: "dontSend", label: "Don't Send" },
      { id: "takeAction", label: "Open the pane" },
      { id: "sendAnyway", label: "Send Anyway" },
    ]);
    const takeAction = ui("takeAction");
    expect((await events.send(takeAction.fake)).sent).toBe(false);
    expect(takeAction.opened).toEqual(["svmOrganizerButton"]);
  });

  it("shows errorMessageMarkdown only from Mailbox 1.15, and flags a message over 500 characters", async () => {
    const options = { allowEvent: false, errorMessage: "plain", errorMessageMarkdown: "**md**" };
    const old = withHandler("", (e) => e.completed(options));
    const oldUi = ui("dontSend");
    await old.events.send(oldUi.fake);
    expect(oldUi.shown[0]).toMatchObject({ message: "plain", markdown: false });
    const newer = withHandler("mailbox=1.15", (e) => e.completed(options));
    const newUi = ui("dontSend");
    await newer.events.send(newUi.fake);
    expect(newUi.shown[0]).toMatchObject({ message: "**md**", markdown: true });

    const long = withHandler("", (e) =>
      e.completed({ allowEvent: false, errorMessage: "x".repeat(501) }),
    );
    const outcome = await long.events.send(ui("dontSend").fake);
    expect(outcome.problems).toEqual(["the message has 501 characters; Outlook allows 500"]);
    expect(outcome.alert?.message).toHaveLength(500);
  });

  it("shows Outlook's taking-longer notice after 5 s, and the user may give up", async () => {
    vi.useFakeTimers();
    const { store, events } = withHandler("", () => {
      /* never completes */
    });
    const user = ui("dontSend");
    const sending = events.send(user.fake);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(user.notices).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(user.notices).toHaveLength(1);
    user.notices[0]?.("dontSend");
    expect(await sending).toMatchObject({ sent: false, answer: "dontSend" });
    expect(store.snapshot().sent).toBe(false);
  });
});

describe("time and attendee launch events", () => {
  it("run when the user changes Start/Slut or Deltagare, not when the add-in does", async () => {
    const store = newStore();
    const events = new LaunchEvents(store);
    const seen: Array<Record<string, unknown>> = [];
    const runtime = open(store, "events").Office;
    for (const name of [
      LAUNCH_EVENTS.OnAppointmentTimeChanged,
      LAUNCH_EVENTS.OnAppointmentAttendeesChanged,
    ])
      runtime.actions.associate(name, (e: { completed: Completed } & Record<string, unknown>) => {
        seen.push({ ...e });
        e.completed();
      });
    store.setTimes({ start: "2026-12-01T09:00:00.000Z" }, "user");
    store.setAttendees("requiredAttendees", [{ displayName: "a", emailAddress: "a@x.se" }], "user");
    store.setTimes({ start: "2026-12-02T09:00:00.000Z" }, "session-99");
    // A last user change: once it has run, the add-in's change before it had its chance.
    store.setAttendees("optionalAttendees", [{ displayName: "b", emailAddress: "b@x.se" }], "user");
    await vi.waitFor(() => expect(seen).toHaveLength(3));
    expect(seen[0]).toMatchObject({ type: "olkAppointmentTimeChanged" });
    expect((seen[0]?.start as Date).toISOString()).toBe("2026-12-01T09:00:00.000Z");
    expect(seen[1]).toMatchObject({
      type: "olkRecipientsChanged",
      changedRecipientFields: { requiredAttendees: true, optionalAttendees: false },
    });
    expect(seen[2]).toMatchObject({
      type: "olkRecipientsChanged",
      changedRecipientFields: { requiredAttendees: false, optionalAttendees: true },
    });
    expect(events.runs.map((r) => [r.name, r.outcome])).toEqual([
      ["onAppointmentTimeChanged", "completed"],
      ["onAppointmentAttendeesChanged", "completed"],
      ["onAppointmentAttendeesChanged", "completed"],
    ]);
  });

  it("run the recurrence handler when the user changes the series, not when the add-in does", async () => {
    const store = newStore();
    const events = new LaunchEvents(store);
    const runtime = open(store, "events").Office;
    const done = new Promise<Record<string, unknown>>((resolve) =>
      runtime.actions.associate(
        LAUNCH_EVENTS.OnAppointmentRecurrenceChanged,
        (e: { completed: Completed } & Record<string, unknown>) => {
          resolve({ ...e });
          e.completed();
        },
      ),
    );
    store.setRecurrence(null, "session-99");
    expect(events.runs).toEqual([]);
    store.setRecurrence(null, "user");
    expect(await done).toMatchObject({ type: "olkRecurrenceChanged" });
    expect(events.runs.map((r) => r.name)).toEqual(["onAppointmentRecurrenceChanged"]);
  });

  it("are the ones manifest.xml declares", () => {
    const manifest = readFileSync(new URL("../../../manifest.xml", import.meta.url), "utf8");
    const declared = [
      ...manifest.matchAll(/<LaunchEvent Type="(\w+)" FunctionName="(\w+)"(?: SendMode="(\w+)")?/g),
    ];
    expect(Object.fromEntries(declared.map((m) => [m[1], m[2]]))).toEqual(LAUNCH_EVENTS);
    expect(declared.find((m) => m[1] === "OnAppointmentSend")?.[3]).toBe(MANIFEST_SEND_MODE);
  });
});
