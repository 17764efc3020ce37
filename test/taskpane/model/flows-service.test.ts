// The pane's flows on the real booking service: its own API client over HTTP on loopback to the
// service, which books in the Pexip and Graph emulators. flows.test.ts covers the flows' every
// branch on an in-memory API (it injects failures one call at a time); this file proves the same
// steps agree with what the service really answers and does.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { findInvitationBlock } from "../../../src/shared";
import { createBookingApi } from "../../../src/taskpane/api/client";
import { changeMeetingType } from "../../../src/taskpane/model/flows/change-type";
import { createMeeting } from "../../../src/taskpane/model/flows/create";
import { loadPane } from "../../../src/taskpane/model/flows/load";
import { removeMeeting } from "../../../src/taskpane/model/flows/remove";
import type { PaneServices } from "../../../src/taskpane/model/services";
import { startTestApp, type TestApp } from "../../server/support/test-app";
import { type FakeAppointment, fakeAppointment } from "../support/fake-appointment";

let t: TestApp;
let baseUrl: string;
beforeAll(async () => {
  t = await startTestApp({ env: { RATE_LIMIT_PER_USER: "1000" } });
  baseUrl = `${await t.app.listen({ port: 0, host: "127.0.0.1" })}/api/v1`;
});
afterAll(() => t.close());
beforeEach(() => {
  t.emu.pexip.reset();
  t.emu.graph.reset();
});

const hour = 3_600_000;

function services(): PaneServices & { appointment: FakeAppointment } {
  const start = new Date(Date.now() + 24 * hour);
  start.setUTCMinutes(0, 0, 0);
  return {
    appointment: fakeAppointment({
      location: "Rum 12",
      times: { start, end: new Date(start.getTime() + hour), recurrence: null },
    }),
    api: createBookingApi({ baseUrl, getToken: () => t.token("anna") }),
    locale: "sv",
    config: { organisationDomains: ["region.se"], consumerEmailDomains: ["gmail.com"] },
    userEmail: "anna.andersson@region.se",
    openInBrowser: () => undefined,
  };
}

describe("the pane's flows against the service and the emulators", () => {
  it("Skapa möte books a VMR and writes its block; loading the pane again finds the booking", async () => {
    const s = services();
    const booked = await createMeeting(s, "care");
    const [vmr] = t.emu.pexip.state().conferences;
    expect(vmr?.name).toContain(booked.booking.id);
    expect(findInvitationBlock(s.appointment.state.body)).toEqual({
      bookingId: booked.booking.id,
      joinUrl: booked.booking.join.url,
    });
    expect(s.appointment.state.location).toBe(`Rum 12; ${booked.invitation.location}`);
    const loaded = await loadPane(s);
    expect(loaded.booking?.id).toBe(booked.booking.id);
    expect(loaded.booking?.join.url).toBe(booked.booking.join.url);
  });

  it("Välj om mötestyp moves the meeting to Teams; Ta bort möte leaves nothing anywhere", async () => {
    const s = services();
    const { ref, booking, invitation } = await createMeeting(s, "care");
    const changed = await changeMeetingType(s, ref, { booking, invitation }, "internal");
    expect(changed.problem).toBeNull();
    expect(changed.booking).toMatchObject({ id: booking.id, service: "teams" });
    expect(t.emu.pexip.state().conferences).toEqual([]);
    const [meeting] = t.emu.graph.state().meetings;
    expect(meeting?.joinWebUrl).toBe(changed.booking.join.url);
    expect(findInvitationBlock(s.appointment.state.body)?.joinUrl).toBe(changed.booking.join.url);

    await removeMeeting(s, ref, { booking: changed.booking, invitation: changed.invitation });
    expect(t.emu.graph.state().meetings).toEqual([]);
    expect(findInvitationBlock(s.appointment.state.body)).toBeNull();
    expect(s.appointment.state.location).toBe("Rum 12");
    expect(s.appointment.state.ref).toBeNull();
  });
});
