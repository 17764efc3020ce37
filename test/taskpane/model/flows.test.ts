import { describe, expect, it } from "vitest";
import { findInvitationBlock, findOtherMeetings } from "../../../src/shared";
import { ServiceError } from "../../../src/taskpane/api/service-error";
import { changeMeetingType } from "../../../src/taskpane/model/flows/change-type";
import { createMeeting } from "../../../src/taskpane/model/flows/create";
import { loadPane } from "../../../src/taskpane/model/flows/load";
import { removeMeeting } from "../../../src/taskpane/model/flows/remove";
import {
  removeOrphanBlock,
  restoreBlock,
  startMeeting,
} from "../../../src/taskpane/model/flows/restore";
import { updateTimes } from "../../../src/taskpane/model/flows/update-times";
import { fakeAppointment } from "../support/fake-appointment";
import { testServices } from "../support/services";

const SKYPE_BODY =
  '<html><body><p>Agenda</p><p><a href="https://meet.lync.com/region/anna/ABCD1234">Anslut till Skype-möte</a></p></body></html>';

describe("Skapa möte", () => {
  it("books with type and times only, writes block, Location and properties, and saves", async () => {
    const services = testServices(fakeAppointment({ location: "Mottagning 3" }));
    const booked = await createMeeting(services, "care");
    const { state } = services.appointment;
    expect(services.api.calls[0]).toMatchObject({
      method: "createMeeting",
      body: {
        type: "care",
        start: "2030-11-27T09:00:00.000Z",
        end: "2030-11-27T10:00:00.000Z",
        seriesEnd: null,
        locale: "sv",
      },
    });
    expect(Object.keys(services.api.calls[0]?.body as object).sort()).toEqual([
      "end",
      "locale",
      "seriesEnd",
      "start",
      "type",
    ]);
    expect(findInvitationBlock(state.body)).toEqual({
      bookingId: booked.booking.id,
      joinUrl: booked.booking.join.url,
    });
    expect(state.body).toContain("<p>Agenda: genomgång av planen.</p>");
    expect(state.location).toBe(`Mottagning 3; ${booked.invitation.location}`);
    expect(state.ref).toEqual(booked.ref);
    expect(state.saves).toBe(1);
    expect(booked.saved).toBe(true);
  });

  it("refuses to book while an identity number is in the subject, and writes nothing", async () => {
    const services = testServices(fakeAppointment({ subject: "Uppföljning 19121212-1212" }));
    await expect(createMeeting(services, "care")).rejects.toMatchObject({ key: "createBlocked" });
    expect(services.api.calls).toEqual([]);
    expect(services.appointment.writes).toEqual([]);
  });

  it("sends the series' end for a recurring appointment", async () => {
    const services = testServices(
      fakeAppointment({
        times: {
          start: new Date(2026, 10, 27, 10, 0),
          end: new Date(2026, 10, 27, 11, 0),
          recurrence: { endDate: "2027-01-29" },
        },
      }),
    );
    await createMeeting(services, "internal");
    const body = services.api.calls[0]?.body as { seriesEnd: string };
    expect(new Date(body.seriesEnd).getTime()).toBe(new Date(2027, 0, 29, 11, 0).getTime());
  });

  it("leaves the appointment as it was and deletes the booking when the body cannot be written", async () => {
    const services = testServices();
    const before = services.appointment.state.body;
    services.appointment.fail("setBody");
    await expect(createMeeting(services, "care")).rejects.toMatchObject({
      key: "errCreateRolledBack",
    });
    expect(services.appointment.state.body).toBe(before);
    expect(services.appointment.state.ref).toBeNull();
    expect([...services.api.bookings.values()].map((b) => b.state)).toEqual(["removed"]);
  });

  it("puts body and Location back when the properties cannot be saved, and deletes the booking", async () => {
    const services = testServices(fakeAppointment({ location: "Rum 12" }));
    const before = services.appointment.state.body;
    services.appointment.fail("saveBookingRef");
    await expect(createMeeting(services, "information")).rejects.toMatchObject({
      key: "errCreateRolledBack",
    });
    expect(services.appointment.state.body).toBe(before);
    expect(services.appointment.state.location).toBe("Rum 12");
    expect([...services.api.bookings.values()].every((b) => b.state === "removed")).toBe(true);
  });

  it("says the booking dangles when it can be neither written nor deleted", async () => {
    const services = testServices();
    services.appointment.fail("setBody");
    services.api.failNext("deleteMeeting", new ServiceError("unreachable", 0, "down", true));
    await expect(createMeeting(services, "care")).rejects.toMatchObject({
      key: "errCreateDangling",
    });
  });

  it("writes nothing when the service refuses", async () => {
    const services = testServices();
    services.api.failNext(
      "createMeeting",
      new ServiceError("provider_unavailable", 503, "Pexip", true),
    );
    await expect(createMeeting(services, "care")).rejects.toMatchObject({
      code: "provider_unavailable",
    });
    // Only the attempt is recorded: the service may have booked before failing, and a reopened
    // pane finishes it with the same key.
    expect(services.appointment.writes).toEqual(["pending"]);
    expect(services.appointment.state.pending).toMatchObject({ type: "care" });
  });

  it("records the attempt before calling the service and clears it with the reference", async () => {
    const services = testServices();
    const booked = await createMeeting(services, "care");
    const call = services.api.calls.find((c) => c.method === "createMeeting");
    expect(services.appointment.writes[0]).toBe("pending");
    expect(call?.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(services.appointment.state.pending).toBeNull();
    expect(services.appointment.state.ref).toEqual(booked.ref);
  });

  it("forgets the attempt when the service refuses it for good", async () => {
    const services = testServices();
    services.api.failNext("createMeeting", new ServiceError("policy_violation", 422, "ended"));
    await expect(createMeeting(services, "care")).rejects.toMatchObject({
      code: "policy_violation",
    });
    expect(services.appointment.state.pending).toBeNull();
  });

  it("Boka om Skype-mötet replaces the Skype block with ours", async () => {
    const services = testServices(fakeAppointment({ body: SKYPE_BODY }));
    expect(findOtherMeetings(SKYPE_BODY).map((m) => m.kind)).toEqual(["skype"]);
    const booked = await createMeeting(services, "care", { replaceSkype: true });
    expect(findOtherMeetings(services.appointment.state.body)).toEqual([]);
    expect(findInvitationBlock(services.appointment.state.body)?.bookingId).toBe(booked.booking.id);
    expect(services.appointment.state.body).toContain("<p>Agenda</p>");
  });
});

describe("Välj om mötestyp, Ta bort möte, Återställ, Starta möte", () => {
  async function booked() {
    const services = testServices(fakeAppointment({ location: "Rum 12" }));
    const result = await createMeeting(services, "care");
    services.api.calls.length = 0;
    services.appointment.writes.length = 0;
    return { services, ...result };
  }

  it("changes type in place: same booking id, new link, one block, Location part swapped", async () => {
    const { services, ref, booking, invitation } = await booked();
    const changed = await changeMeetingType(services, ref, { booking, invitation }, "internal");
    const body = services.appointment.state.body;
    expect(changed.problem).toBeNull();
    expect(findInvitationBlock(body)).toEqual({
      bookingId: booking.id,
      joinUrl: changed.booking.join.url,
    });
    expect(body.split("Skyddat vårdmöte · ref.").length).toBe(2);
    expect(body).not.toContain(booking.join.url);
    expect(services.appointment.state.location).toBe(`Rum 12; ${changed.invitation.location}`);
  });

  it("tells the user to restore when the body cannot take the new block", async () => {
    const { services, ref, booking, invitation } = await booked();
    services.appointment.fail("setBody", 2);
    const changed = await changeMeetingType(services, ref, { booking, invitation }, "information");
    expect(changed.problem).toBe("errChangeBody");
    expect(changed.booking.type).toBe("information");
  });

  it("removes: service first, then block, our Location part and the properties", async () => {
    const { services, ref, booking, invitation } = await booked();
    await removeMeeting(services, ref, { booking, invitation });
    const { state } = services.appointment;
    expect(findInvitationBlock(state.body)).toBeNull();
    expect(state.body).toContain("<p>Agenda: genomgång av planen.</p>");
    expect(state.location).toBe("Rum 12");
    expect(state.ref).toBeNull();
    expect(services.api.bookings.get(booking.id)?.state).toBe("removed");
  });

  it("keeps block and properties when the service cannot remove the meeting", async () => {
    const { services, ref, booking, invitation } = await booked();
    const before = services.appointment.state.body;
    services.api.failNext("deleteMeeting", new ServiceError("provider_timeout", 504, "slow", true));
    await expect(removeMeeting(services, ref, { booking, invitation })).rejects.toMatchObject({
      code: "provider_timeout",
    });
    expect(services.appointment.state.body).toBe(before);
    expect(services.appointment.state.ref).toEqual(ref);
    expect(services.appointment.writes).toEqual([]);
  });

  it("still cleans the appointment when the meeting is already gone in the service", async () => {
    const { services, ref, booking, invitation } = await booked();
    services.api.failNext("deleteMeeting", new ServiceError("not_found", 404, "gone"));
    await removeMeeting(services, ref, { booking, invitation });
    expect(findInvitationBlock(services.appointment.state.body)).toBeNull();
    expect(services.appointment.state.ref).toBeNull();
  });

  it("restores a deleted block from the service", async () => {
    const { services, ref, booking, invitation } = await booked();
    services.appointment.state.body = "<p>Någon tog bort allt.</p>";
    await restoreBlock(services, ref, { booking, invitation });
    expect(findInvitationBlock(services.appointment.state.body)?.bookingId).toBe(booking.id);
    expect(services.appointment.state.body).toContain("<p>Någon tog bort allt.</p>");
  });

  it("opens the host link and writes it nowhere", async () => {
    const { services, ref } = await booked();
    await startMeeting(services, ref);
    expect(services.opened).toEqual([
      "https://join.vardmote.example.se/webapp/m/9100/express?pin=1234",
    ]);
    expect(services.appointment.state.body).not.toContain("pin=1234");
    expect(services.appointment.writes).toEqual([]);
  });

  it("PATCHes new times only when they differ", async () => {
    const { services, ref, booking } = await booked();
    expect(await updateTimes(services, ref, booking)).toBeNull();
    services.appointment.state.times = {
      start: new Date("2030-11-27T13:00:00Z"),
      end: new Date("2030-11-27T14:30:00Z"),
      recurrence: null,
    };
    const updated = await updateTimes(services, ref, booking);
    expect(updated?.booking.start).toBe("2030-11-27T13:00:00.000Z");
    expect(services.api.calls.at(-1)).toEqual({
      method: "updateMeeting",
      body: { start: "2030-11-27T13:00:00.000Z", end: "2030-11-27T14:30:00.000Z", seriesEnd: null },
    });
  });

  it("never PATCHes a series shorter when one occurrence is edited", async () => {
    const { services, ref, booking } = await booked();
    const series = { ...booking, seriesEnd: "2031-03-01T10:00:00.000Z" };
    const before = services.api.calls.length;
    services.appointment.state.times = {
      start: new Date("2030-12-04T13:00:00Z"),
      end: new Date("2030-12-04T14:00:00Z"),
      recurrence: null,
      occurrence: true,
    };
    expect(await updateTimes(services, ref, series)).toBeNull();
    expect(services.api.calls.length).toBe(before);
  });

  it("removes an orphaned block and our Location part", async () => {
    const { services, booking } = await booked();
    services.api.bookings.set(booking.id, { ...booking, state: "removed" });
    services.appointment.state.ref = null;
    await removeOrphanBlock(services);
    expect(findInvitationBlock(services.appointment.state.body)).toBeNull();
    expect(services.appointment.state.location).toBe("Rum 12");
  });
});

describe("loading the pane", () => {
  it("shows the booking the custom properties name", async () => {
    const services = testServices();
    const { ref } = await createMeeting(services, "care");
    const loaded = await loadPane(services);
    expect(loaded.ref).toEqual(ref);
    expect(loaded.booking?.id).toBe(ref.bookingId);
    expect(loaded.types.types).toHaveLength(3);
  });

  it("forgets a booking that is gone and clears the properties", async () => {
    const services = testServices();
    const { ref } = await createMeeting(services, "care");
    await services.api.deleteMeeting(ref);
    const loaded = await loadPane(services);
    expect(loaded.booking).toBeNull();
    expect(services.appointment.state.ref).toBeNull();
  });

  it("fails loudly on an outage instead of pretending there is no booking", async () => {
    const services = testServices();
    await createMeeting(services, "care");
    services.api.failNext("getMeeting", new ServiceError("unreachable", 0, "down", true));
    await expect(loadPane(services)).rejects.toMatchObject({ code: "unreachable" });
    expect(services.appointment.state.ref).not.toBeNull();
  });
});
