import { describe, expect, it, vi } from "vitest";
import { newStore, open, result, value } from "./fake-office";

/**
 * A handler in a second pane, added after the one under test: events reach handlers in order, so
 * once it has been called, a handler that should not have been has had its chance.
 */
async function witnessOf(
  store: ReturnType<typeof newStore>,
  type: Office.EventType,
): Promise<{ calls: number }> {
  const witness = { calls: 0 };
  const { item } = open(store);
  await value<void>((cb) => item.addHandlerAsync(type, () => witness.calls++, cb));
  return witness;
}

describe("task-pane events", () => {
  it("raise AppointmentTimeChanged with Dates when the user moves the appointment", async () => {
    const store = newStore();
    const { Office, item } = open(store);
    const seen: Office.AppointmentTimeChangedEventArgs[] = [];
    await value<void>((cb) =>
      item.addHandlerAsync(
        Office.EventType.AppointmentTimeChanged,
        (args: Office.AppointmentTimeChangedEventArgs) => seen.push(args),
        cb,
      ),
    );
    store.setTimes({ start: "2026-11-30T13:00:00.000Z" }, "user");
    expect(seen).toEqual([]); // handlers run on a later task
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]?.type).toBe("olkAppointmentTimeChanged");
    expect(seen[0]?.start.toISOString()).toBe("2026-11-30T13:00:00.000Z");
    expect(seen[0]?.end.toISOString()).toBe("2026-11-30T13:30:00.000Z");
  });

  it("raise RecipientsChanged naming the field, and stop after removeHandlerAsync", async () => {
    const store = newStore();
    const { Office, item } = open(store);
    const seen: Office.RecipientsChangedEventArgs[] = [];
    await value<void>((cb) =>
      item.addHandlerAsync(
        Office.EventType.RecipientsChanged,
        (args: Office.RecipientsChangedEventArgs) => seen.push(args),
        cb,
      ),
    );
    store.setAttendees(
      "optionalAttendees",
      [{ displayName: "Tolk", emailAddress: "tolk@example.org" }],
      "user",
    );
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]?.changedRecipientFields).toMatchObject({
      optionalAttendees: true,
      requiredAttendees: false,
    });
    await value<void>((cb) => item.removeHandlerAsync(Office.EventType.RecipientsChanged, cb));
    const witness = await witnessOf(store, Office.EventType.RecipientsChanged);
    store.setAttendees("requiredAttendees", [{ displayName: "a", emailAddress: "a@b.se" }], "user");
    await vi.waitFor(() => expect(witness.calls).toBe(1));
    expect(seen).toHaveLength(1);
  });

  it("refuses event types an appointment does not raise", async () => {
    const { Office, item } = open(newStore());
    const outcome = await result<void>((cb) =>
      item.addHandlerAsync(Office.EventType.ItemChanged, () => {}, cb),
    );
    expect(outcome.error.name).toBe("InvalidEventType");
  });

  it("raise OfficeThemeChanged on the mailbox with the new theme", async () => {
    const store = newStore();
    const { Office } = open(store);
    const themes: Office.OfficeTheme[] = [];
    await value<void>((cb) =>
      Office.context.mailbox.addHandlerAsync(
        Office.EventType.OfficeThemeChanged,
        (args: { officeTheme: Office.OfficeTheme }) => themes.push(args.officeTheme),
        cb,
      ),
    );
    store.setTheme("dark");
    await vi.waitFor(() => expect(themes).toHaveLength(1));
    expect(themes[0]?.isDarkTheme).toBe(true);
    expect(Office.context.officeTheme.bodyBackgroundColor).toBe("#292929");
  });

  it("stop reaching a closed pane", async () => {
    const store = newStore();
    const pane = open(store);
    let calls = 0;
    await value<void>((cb) =>
      pane.item.addHandlerAsync(pane.Office.EventType.AppointmentTimeChanged, () => calls++, cb),
    );
    pane.close();
    const witness = await witnessOf(store, pane.Office.EventType.AppointmentTimeChanged);
    store.setTimes({ start: "2026-12-01T08:00:00.000Z" }, "user");
    await vi.waitFor(() => expect(witness.calls).toBe(1));
    expect(calls).toBe(0);
  });
});

describe("launch events (Office.actions.associate in the commands runtime)", () => {
  it("run the associated function with an event object and report event.completed", async () => {
    const store = newStore();
    const runtime = open(store, "events");
    runtime.Office.actions.associate(
      "onAppointmentTimeChanged",
      (event: Record<string, unknown>) => {
        const completed = event.completed as (o?: object) => void;
        completed({ allowEvent: true, seen: (event.start as Date).toISOString() });
      },
    );
    expect(store.isAssociated("onAppointmentTimeChanged")).toBe(true);
    const outcome = await store.invokeAction("onAppointmentTimeChanged", {
      type: "olkAppointmentTimeChanged",
      start: "2026-11-30T13:00:00.000Z",
      end: "2026-11-30T13:30:00.000Z",
    });
    expect(outcome).toEqual({ allowEvent: true, seen: "2026-11-30T13:00:00.000Z" });
  });

  it("are not run from the task pane's associations, and end with the runtime", () => {
    const store = newStore();
    open(store, "pane").Office.actions.associate("onAppointmentSend", () => {});
    expect(store.isAssociated("onAppointmentSend")).toBe(false);
    const runtime = open(store, "events");
    runtime.Office.actions.associate("onAppointmentSend", () => {});
    expect(store.isAssociated("onAppointmentSend")).toBe(true);
    runtime.close();
    expect(store.isAssociated("onAppointmentSend")).toBe(false);
    expect(store.invokeAction("onAppointmentSend", {})).toBeUndefined();
  });

  it("reject when the function throws (Outlook then waits, as for a handler that never ends)", async () => {
    const store = newStore();
    open(store, "events").Office.actions.associate("onAppointmentSend", () => {
      throw new Error("boom");
    });
    await expect(store.invokeAction("onAppointmentSend", {})).rejects.toThrow("boom");
  });
});
