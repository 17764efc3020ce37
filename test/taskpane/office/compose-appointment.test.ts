import { afterEach, describe, expect, it } from "vitest";
import { officeCall } from "../../../src/taskpane/office/async";
import { createComposeAppointment } from "../../../src/taskpane/office/compose-appointment";
import { OfficeError } from "../../../src/taskpane/office/office-error";
import { installTinyOffice, tinyItem, uninstallTinyOffice } from "../support/tiny-office";

afterEach(uninstallTinyOffice);

describe("officeCall", () => {
  it("resolves with the AsyncResult's value", async () => {
    const item = installTinyOffice(tinyItem({ subject: "Planering" }));
    expect(await createComposeAppointment().getSubject()).toBe("Planering");
    expect(item.subject).toBe("Planering");
  });

  it("rejects with a typed OfficeError carrying Office's code, name and message", async () => {
    const item = installTinyOffice(tinyItem());
    item.failures.set("body.setAsync", {
      code: 9000,
      name: "DataExceedsMaximumSize",
      message: "too large",
    });
    const error = await createComposeAppointment()
      .setBody("<p>x</p>")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfficeError);
    expect(error).toMatchObject({
      code: 9000,
      name: "DataExceedsMaximumSize",
      message: "too large",
    });
    expect(item.body).toBe("<p>Hej</p>");
  });

  it("turns a synchronous throw (an API the client lacks) into a rejection, not an exception", async () => {
    installTinyOffice(tinyItem());
    const result = officeCall<string>(() => {
      throw new TypeError("item.foo is not a function");
    });
    await expect(result).rejects.toMatchObject({ name: "NotAvailable", code: -1 });
  });
});

describe("the compose appointment", () => {
  it("refuses a plain-text body with PlainTextBody before anything is written", async () => {
    installTinyOffice(tinyItem({ bodyType: "text" }));
    await expect(createComposeAppointment().getBody()).rejects.toMatchObject({
      name: "PlainTextBody",
    });
  });

  it("reads times and the series' end date (Mailbox 1.7) and attendees lower-cased", async () => {
    installTinyOffice(
      tinyItem({
        recurrenceEndDate: "2026-12-31",
        required: ["Anna.Andersson@Region.se"],
        optional: ["karl.nilsson@region.se"],
      }),
    );
    const appointment = createComposeAppointment();
    const times = await appointment.getTimes();
    expect(times.start.toISOString()).toBe("2030-11-27T09:00:00.000Z");
    expect(times.recurrence).toEqual({ endDate: "2026-12-31" });
    expect(await appointment.getAttendees()).toEqual([
      "anna.andersson@region.se",
      "karl.nilsson@region.se",
    ]);
  });

  it("reports no recurrence on a client below Mailbox 1.7", async () => {
    installTinyOffice(tinyItem({ recurrenceEndDate: "2026-12-31" }), { Mailbox: "1.5" });
    expect((await createComposeAppointment().getTimes()).recurrence).toBeNull();
  });

  it("stores and clears the booking reference in the custom properties (saveAsync on them)", async () => {
    const item = installTinyOffice(tinyItem());
    const appointment = createComposeAppointment();
    expect(await appointment.loadBookingRef()).toBeNull();
    await appointment.saveBookingRef({ bookingId: "b-1", manageKey: "k".repeat(43) });
    expect(item.savedProperties).toEqual({
      bookingId: "b-1",
      manageKey: "k".repeat(43),
      stateVersion: "1",
    });
    expect(await createComposeAppointment().loadBookingRef()).toEqual({
      bookingId: "b-1",
      manageKey: "k".repeat(43),
      snapshot: null,
    });
    await appointment.saveBookingRef(null);
    expect(item.savedProperties).toEqual({});
  });

  it("stores the send check's snapshot as JSON, reads it back validated, and clears it with the reference", async () => {
    const item = installTinyOffice(tinyItem());
    const appointment = createComposeAppointment();
    const snapshot = {
      type: "care" as const,
      joinUrl: "https://vmr.region.example.se/webapp/m/910012345678/step-by-step?role=guest",
      start: "2026-12-01T09:00:00.000Z",
      end: "2026-12-01T10:00:00.000Z",
      seriesEnd: null,
      participantLimit: 15,
      blockDigest: "0a1b2c3d",
      organisationDomains: ["region.example.se"],
      consumerDomains: ["gmail.com"],
    };
    await appointment.saveBookingRef({ bookingId: "b-1", manageKey: "k".repeat(43) });
    await appointment.saveSnapshot(snapshot);
    expect(JSON.parse(String(item.savedProperties.booking))).toEqual(snapshot);
    expect((await createComposeAppointment().loadBookingRef())?.snapshot).toEqual(snapshot);
    item.savedProperties.booking = JSON.stringify({
      ...snapshot,
      joinUrl: "http://evil.example.com/",
    });
    expect((await createComposeAppointment().loadBookingRef())?.snapshot).toBeNull();
    await appointment.saveBookingRef(null);
    expect(item.savedProperties).toEqual({});
  });

  it("saves the item where Mailbox 1.3 allows and says false where not", async () => {
    const item = installTinyOffice(tinyItem());
    expect(await createComposeAppointment().saveItem()).toBe(true);
    expect(item.savedItem).toBe(1);
    installTinyOffice(item, { Mailbox: "1.2" });
    expect(await createComposeAppointment().saveItem()).toBe(false);
    expect(item.savedItem).toBe(1);
  });

  it("registers the three item events and unregisters them", async () => {
    const item = installTinyOffice(tinyItem());
    const seen: string[] = [];
    const stop = await createComposeAppointment().watch((change) => seen.push(change));
    expect([...item.handlers.keys()].sort()).toEqual([
      "AppointmentTimeChanged",
      "RecipientsChanged",
      "RecurrenceChanged",
    ]);
    item.handlers.get("AppointmentTimeChanged")?.();
    item.handlers.get("RecurrenceChanged")?.();
    expect(seen).toEqual(["times", "recurrence"]);
    await stop?.();
    expect(item.handlers.size).toBe(0);
  });

  it("has no events below Mailbox 1.7 (the pane then polls)", async () => {
    installTinyOffice(tinyItem(), { Mailbox: "1.5" });
    expect(await createComposeAppointment().watch(() => {})).toBeNull();
  });
});
