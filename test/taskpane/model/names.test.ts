import { describe, expect, it } from "vitest";
import { readFacts } from "../../../src/taskpane/model/flows/read-facts";
import { createMeeting } from "../../../src/taskpane/model/flows/create";
import { dismissName, removeName } from "../../../src/taskpane/model/flows/names";
import { fakeAppointment } from "../support/fake-appointment";
import { testServices } from "../support/services";

describe("names in the appointment", () => {
  it("finds a name in the subject with its excerpt, and replaces it with initials", async () => {
    const appointment = fakeAppointment({ subject: "Besök Karin Holm inför operation" });
    const facts = await readFacts(appointment, null, []);
    expect(facts.findings).toEqual([]);
    expect(facts.names).toEqual([
      {
        field: "subject",
        match: "Karin Holm",
        occurrence: 0,
        before: "Besök ",
        after: " inför operation",
      },
    ]);
    const name = facts.names[0];
    if (!name) throw new Error("no name");
    expect(await removeName(appointment, name, "initials")).toBe(true);
    expect(appointment.state.subject).toBe("Besök K.H. inför operation");
    expect((await readFacts(appointment, null, [])).names).toEqual([]);
  });

  it("does not report a staff member's display name, but does report a patient beside it", async () => {
    const appointment = fakeAppointment({
      body: "<p>Vi träffar Britt-Marie Lund för genomgång. Ansvarig: Anna Lindqvist.</p>",
      staffNames: ["Anna Lindqvist", "anna.lindqvist@region.se"],
    });
    const facts = await readFacts(appointment, null, []);
    expect(facts.names.map((n) => [n.field, n.match])).toEqual([["body", "Britt-Marie Lund"]]);
  });

  it("removes a body name outside our block and keeps the block as it was", async () => {
    const services = testServices(fakeAppointment());
    const booked = await createMeeting(services, "care");
    const appointment = services.appointment;
    appointment.state.body = appointment.state.body.replace(
      "<p>Agenda",
      "<p>Vi träffar Britt-Marie Lund för genomgång.</p><p>Agenda",
    );
    const before = appointment.state.body;
    const context = {
      booking: booked.booking,
      invitation: booked.invitation,
      texts: [booked.invitation.text],
      textsComplete: true,
    };
    const [name] = (await readFacts(appointment, context, [])).names;
    if (!name) throw new Error("no name");
    expect(await removeName(appointment, name, "remove")).toBe(true);
    expect(appointment.state.body).toBe(
      before.replace("Vi träffar Britt-Marie Lund för", "Vi träffar för"),
    );
    const after = await readFacts(appointment, context, []);
    expect(after.names).toEqual([]);
    expect(after.blockState).toBe("ok");
  });

  it("forgets a dismissed name for this appointment only", async () => {
    const appointment = fakeAppointment({ subject: "Per Ek – kontroll" });
    const [name] = (await readFacts(appointment, null, [])).names;
    if (!name) throw new Error("no name");
    await dismissName(appointment, name);
    expect((await readFacts(appointment, null, [])).names).toEqual([]);
    expect(
      (await readFacts(fakeAppointment({ subject: "Per Ek – kontroll" }), null, [])).names,
    ).toHaveLength(1);
  });

  it("says false when the name is gone before the click", async () => {
    const appointment = fakeAppointment({ subject: "Besök Karin Holm" });
    const [name] = (await readFacts(appointment, null, [])).names;
    if (!name) throw new Error("no name");
    appointment.state.subject = "Besök";
    expect(await removeName(appointment, name, "initials")).toBe(false);
    expect(appointment.state.subject).toBe("Besök");
  });
});
