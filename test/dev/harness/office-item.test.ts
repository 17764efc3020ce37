import { describe, expect, it } from "vitest";
import { newStore, open, result, value, type Item } from "./fake-office";

const loadProps = (item: Item) =>
  value<Office.CustomProperties>((cb) => item.loadCustomPropertiesAsync(cb));
const saveProps = (props: Office.CustomProperties) => value<void>((cb) => props.saveAsync(cb));

describe("custom properties", () => {
  it("on the web and Mac are kept on the item as soon as they are saved", async () => {
    for (const client of ["web", "mac"]) {
      const store = newStore(`client=${client}`);
      const pane = open(store);
      const props = await loadProps(pane.item);
      props.set("bookingId", "b-1");
      props.set("manageKey", "k");
      await saveProps(props);
      pane.close();
      const reopened = await loadProps(open(store).item);
      expect(reopened.get("bookingId")).toBe("b-1");
      expect(reopened.getAll()).toEqual({ bookingId: "b-1", manageKey: "k" });
    }
  });

  it("in classic Outlook are lost when the pane closes unless the item was saved", async () => {
    const store = newStore("client=classic");
    const first = open(store);
    const props = await loadProps(first.item);
    props.set("bookingId", "b-1");
    await saveProps(props);
    // The same session still sees its own set…
    expect((await loadProps(first.item)).get("bookingId")).toBe("b-1");
    first.close();
    // …but a reopened pane does not: nothing was persisted.
    const second = open(store);
    expect((await loadProps(second.item)).get("bookingId")).toBeUndefined();

    const again = await loadProps(second.item);
    again.set("bookingId", "b-2");
    await saveProps(again);
    const id = await value<string>((cb) => second.item.saveAsync(cb));
    expect(id).toMatch(/^AAMkAD/);
    second.close();
    expect((await loadProps(open(store).item)).get("bookingId")).toBe("b-2");
  });

  it("in classic Outlook are also persisted when the user sends", async () => {
    const store = newStore("client=classic");
    const pane = open(store);
    const props = await loadProps(pane.item);
    props.set("bookingId", "b-3");
    await saveProps(props);
    store.markSent();
    pane.close();
    expect((await loadProps(open(store).item)).get("bookingId")).toBe("b-3");
  });

  it("hands back the userContext as asyncContext, and copies values", async () => {
    const { item } = open(newStore());
    const outcome = await result<Office.CustomProperties>((cb) =>
      item.loadCustomPropertiesAsync(cb, "ctx"),
    );
    expect(outcome.asyncContext).toBe("ctx");
    const value = { nested: { a: 1 } };
    outcome.value.set("v", value as unknown as string);
    value.nested.a = 2;
    expect(outcome.value.get("v")).toEqual({ nested: { a: 1 } });
  });

  it("are empty on an attendee's copy of the item", async () => {
    const store = newStore("mode=organizer");
    const organizer = await loadProps(open(store).item);
    organizer.set("manageKey", "secret");
    await saveProps(organizer);
    const attendeeStore = newStore("mode=attendee&user=karl");
    attendeeStore.reset(store.snapshot());
    const attendee = open(attendeeStore).item as unknown as Office.AppointmentRead;
    const props = await value<Office.CustomProperties>((cb) =>
      attendee.loadCustomPropertiesAsync(cb),
    );
    expect(props.get("manageKey")).toBeUndefined();
  });

  it("are the organizer's own when the organizer reads the item (read form)", async () => {
    const store = newStore("mode=organizer");
    const organizer = await loadProps(open(store).item);
    organizer.set("manageKey", "secret");
    await saveProps(organizer);
    const readStore = newStore("mode=attendee");
    readStore.reset(store.snapshot());
    const read = open(readStore).item as unknown as Office.AppointmentRead;
    const props = await value<Office.CustomProperties>((cb) => read.loadCustomPropertiesAsync(cb));
    expect(props.get("manageKey")).toBe("secret");
  });
});

describe("saving", () => {
  it("has no id before the first save (ItemNotSaved), the same id after it", async () => {
    const { item } = open(newStore());
    const before = await result<string>((cb) => item.getItemIdAsync(cb));
    expect(before.error.name).toBe("ItemNotSaved");
    const id = await value<string>((cb) => item.saveAsync(cb));
    expect(await value<string>((cb) => item.getItemIdAsync(cb))).toBe(id);
    expect(await value<string>((cb) => item.saveAsync(cb))).toBe(id);
  });
});

describe("times, attendees, recurrence", () => {
  it("keeps the duration when the start moves, and refuses an end before the start", async () => {
    const store = newStore();
    const { item } = open(store);
    const start = await value<Date>((cb) => item.start.getAsync(cb));
    const end = await value<Date>((cb) => item.end.getAsync(cb));
    expect(start).toBeInstanceOf(Date);
    const later = new Date(start.getTime() + 3_600_000);
    await value<void>((cb) => item.start.setAsync(later, cb));
    expect(await value<Date>((cb) => item.end.getAsync(cb))).toEqual(
      new Date(end.getTime() + 3_600_000),
    );
    const bad = await result<void>((cb) => item.end.setAsync(new Date(start.getTime() - 1), cb));
    expect(bad.error.name).toBe("InvalidEndTime");
  });

  it("reads and writes attendees as EmailAddressDetails", async () => {
    const { item } = open(newStore());
    await value<void>((cb) =>
      item.requiredAttendees.setAsync(
        ["karl@region.example.se", { displayName: "Extern", emailAddress: "x@example.com" }],
        cb,
      ),
    );
    await value<void>((cb) => item.optionalAttendees.addAsync(["tolk@example.org"], cb));
    const required = await value<Office.EmailAddressDetails[]>((cb) =>
      item.requiredAttendees.getAsync(cb),
    );
    expect(required).toEqual([
      {
        displayName: "karl@region.example.se",
        emailAddress: "karl@region.example.se",
        appointmentResponse: "none",
        recipientType: "user",
      },
      {
        displayName: "Extern",
        emailAddress: "x@example.com",
        appointmentResponse: "none",
        recipientType: "externalUser",
      },
    ]);
    const tooMany = Array.from({ length: 101 }, (_, i) => `p${i}@example.com`);
    const outcome = await result<void>((cb) => item.requiredAttendees.setAsync(tooMany, cb));
    expect(outcome.error.name).toBe("NumberOfRecipientsExceeded");
  });

  it("has no recurrence until one is set with an Office.SeriesTime", async () => {
    const { Office, item } = open(newStore());
    expect(await value<Office.Recurrence | null>((cb) => item.recurrence.getAsync(cb))).toBeNull();
    const series = new (
      Office as unknown as { SeriesTime: new () => Office.SeriesTime }
    ).SeriesTime();
    series.setStartDate(2026, 11, 1);
    series.setStartTime(10, 30);
    series.setDuration(45);
    series.setEndDate("2027-02-28");
    await value<void>((cb) =>
      item.recurrence.setAsync(
        {
          recurrenceType: Office.MailboxEnums.RecurrenceType.Weekly,
          recurrenceProperties: { interval: 1, days: [Office.MailboxEnums.Days.Tue] },
          seriesTime: series,
        } as Office.Recurrence,
        cb,
      ),
    );
    const recurrence = await value<Office.Recurrence>((cb) => item.recurrence.getAsync(cb));
    expect(recurrence.recurrenceType).toBe("weekly");
    expect(recurrence.seriesTime.getStartDate()).toBe("2026-12-01");
    expect(recurrence.seriesTime.getEndDate()).toBe("2027-02-28");
    expect(recurrence.seriesTime.getStartTime()).toBe("T10:30:00:000");
    expect(recurrence.seriesTime.getDuration()).toBe(45);
    const start = await value<Date>((cb) => item.start.getAsync(cb));
    expect([start.getHours(), start.getMinutes()]).toEqual([10, 30]);
  });
});

describe("notification messages", () => {
  it("adds, replaces, lists and removes, with Outlook's failures", async () => {
    const { Office, item } = open(newStore());
    const info = {
      type: Office.MailboxEnums.ItemNotificationMessageType.InformationalMessage,
      message: "För många deltagare.",
      icon: "Icon.16",
      persistent: false,
    };
    const n = item.notificationMessages;
    await value<void>((cb) => n.addAsync("limit", info, cb));
    expect((await result<void>((cb) => n.addAsync("limit", info, cb))).error.name).toBe(
      "DuplicateNotificationKey",
    );
    await value<void>((cb) => n.replaceAsync("limit", { ...info, message: "Nytt" }, cb));
    expect(await value<Office.NotificationMessageDetails[]>((cb) => n.getAllAsync(cb))).toEqual([
      { key: "limit", ...info, message: "Nytt" },
    ]);
    for (let i = 0; i < 4; i++)
      await value<void>((cb) =>
        n.addAsync(
          `k${i}`,
          { type: Office.MailboxEnums.ItemNotificationMessageType.ErrorMessage, message: "x" },
          cb,
        ),
      );
    const sixth = await result<void>((cb) => n.addAsync("k9", info, cb));
    expect(sixth.error.name).toBe("NumberOfNotificationMessagesExceeded");
    await value<void>((cb) => n.removeAsync("limit", cb));
    expect((await result<void>((cb) => n.removeAsync("limit", cb))).error.name).toBe(
      "NotificationKeyNotFound",
    );
  });

  it("throws at once for details Office.js rejects", () => {
    const { Office, item } = open(newStore());
    const n = item.notificationMessages;
    const error = Office.MailboxEnums.ItemNotificationMessageType.ErrorMessage;
    expect(() => n.addAsync("k", { type: error, message: "x".repeat(151) })).toThrow(/OutOfRange/);
    expect(() => n.addAsync("k", { type: error, message: "x", icon: "Icon.16" })).toThrow(/icon/);
    expect(() => n.addAsync("x".repeat(33), { type: error, message: "x" })).toThrow(/key/);
    expect(() =>
      n.addAsync("k", {
        type: Office.MailboxEnums.ItemNotificationMessageType.InformationalMessage,
        message: "x",
        persistent: true,
      }),
    ).toThrow(/icon/);
  });
});
