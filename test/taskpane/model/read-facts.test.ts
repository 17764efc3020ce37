import { describe, expect, it } from "vitest";
import { messageFor } from "../../../src/taskpane/model/errors";
import { createMeeting } from "../../../src/taskpane/model/flows/create";
import { readFacts } from "../../../src/taskpane/model/flows/read-facts";
import { ServiceError } from "../../../src/taskpane/api/service-error";
import { OfficeError } from "../../../src/taskpane/office/office-error";
import { fakeAppointment } from "../support/fake-appointment";
import { meeting } from "../support/fixtures";
import { testServices } from "../support/services";

describe("reading the appointment's facts", () => {
  it("finds personal data by field, masked, and never in our own block or Location part", async () => {
    const services = testServices(fakeAppointment({ location: "Rum 4" }));
    const booked = await createMeeting(services, "care");
    services.appointment.state.subject = "Samtal 19121212-1212";
    services.appointment.state.body = services.appointment.state.body.replace(
      "<p>Agenda",
      "<p>Ring 070-174 06 05</p><p>Agenda",
    );
    const facts = await readFacts(
      services.appointment,
      {
        booking: booked.booking,
        invitation: booked.invitation,
        texts: [booked.invitation.text],
        textsComplete: true,
      },
      ["region.se"],
    );
    expect(facts.findings.map((f) => [f.field, f.kind, f.severity])).toEqual([
      ["subject", "personnummer", "block"],
      ["body", "phone", "warn"],
    ]);
    expect(JSON.stringify(facts)).not.toContain("19121212-1212");
    expect(facts.blockState).toBe("ok");
  });

  it("sees an edited block, but not while the other language's text is unknown", async () => {
    const services = testServices();
    const booked = await createMeeting(services, "care");
    services.appointment.state.body = services.appointment.state.body.replace(
      "Du väntar i lobbyn",
      "Du väntar kanske i lobbyn",
    );
    const base = {
      booking: booked.booking,
      invitation: booked.invitation,
      texts: [booked.invitation.text],
    };
    expect(
      (await readFacts(services.appointment, { ...base, textsComplete: true }, [])).blockState,
    ).toBe("edited");
    expect(
      (await readFacts(services.appointment, { ...base, textsComplete: false }, [])).blockState,
    ).toBe("ok");
  });

  it("accepts a block written in the other language", async () => {
    const services = testServices();
    const booked = await createMeeting(services, "care");
    const english = meeting(booked.booking, "en").invitation;
    const facts = await readFacts(
      services.appointment,
      {
        booking: booked.booking,
        invitation: english,
        texts: [english.text, booked.invitation.text],
        textsComplete: true,
      },
      [],
    );
    expect(facts.blockState).toBe("ok");
  });

  it("reports a missing block, and an orphan when there is no booking", async () => {
    const services = testServices();
    const booked = await createMeeting(services, "care");
    const withBlock = services.appointment.state.body;
    services.appointment.state.body = "<p>Tom</p>";
    const context = {
      booking: booked.booking,
      invitation: booked.invitation,
      texts: [],
      textsComplete: true,
    };
    expect((await readFacts(services.appointment, context, [])).blockState).toBe("missing");
    services.appointment.state.body = withBlock;
    expect((await readFacts(services.appointment, null, [])).orphanBlock).toBe(true);
  });
});

describe("failures in plain words", () => {
  it("maps every kind of failure to a catalogue text", () => {
    expect(messageFor(new ServiceError("unreachable", 0, "x"))).toBe("errUnreachable");
    expect(messageFor(new ServiceError("offline", 0, "x"))).toBe("errOffline");
    expect(messageFor(new ServiceError("service_unavailable", 503, "x"))).toBe("errServiceBusy");
    expect(messageFor(new ServiceError("forbidden", 403, "x"))).toBe("errForbidden");
    expect(messageFor(new ServiceError("provider_not_authorized", 502, "x"))).toBe(
      "errProviderNotAuthorized",
    );
    expect(messageFor(new OfficeError(9041, "PlainTextBody", "x"))).toBe("errPlainText");
    expect(messageFor(new OfficeError(9000, "DataExceedsMaximumSize", "x"))).toBe(
      "errBodyTooLarge",
    );
    expect(messageFor(new TypeError("undefined is not a function"))).toBe("errInternal");
  });
});
