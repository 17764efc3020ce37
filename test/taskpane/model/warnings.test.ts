import { describe, expect, it } from "vitest";
import type { AppointmentFacts } from "../../../src/taskpane/model/facts";
import {
  computeWarnings,
  createBlock,
  isCreateBlocked,
} from "../../../src/taskpane/model/warnings";
import { meetingTypes } from "../support/fixtures";

const care = meetingTypes.types.find((t) => t.id === "care") ?? null;
const internal = meetingTypes.types.find((t) => t.id === "internal") ?? null;

function facts(over: Partial<AppointmentFacts> = {}): AppointmentFacts {
  return {
    findings: [],
    names: [],
    attendees: [],
    otherMeetings: [],
    blockState: null,
    orphanBlock: false,
    recurrence: null,
    window: { start: "2030-11-27T09:00:00.000Z", end: "2030-11-27T10:00:00.000Z", seriesEnd: null },
    ...over,
  };
}

const NOW = new Date("2030-11-27T08:00:00.000Z");

const context = (f: AppointmentFacts, type = care, booked = false) => ({
  facts: f,
  type,
  consumerDomains: ["gmail.com", "outlook.com"],
  organisationDomains: ["region.se"],
  userEmail: "anna.andersson@region.se",
  booked,
  now: NOW,
});

const kinds = (f: AppointmentFacts, type = care, booked = false) =>
  computeWarnings(context(f, type, booked)).map((w) => w.kind);

describe("warnings before harm", () => {
  it("finds nothing to say about a clean appointment", () => {
    expect(computeWarnings(context(facts()))).toEqual([]);
  });

  it("reports personal data masked and blocks creation for identity numbers only", () => {
    const withPhone = facts({
      findings: [{ field: "body", kind: "phone", severity: "warn", masked: "070-••• •• 05" }],
    });
    expect(isCreateBlocked(withPhone)).toBe(false);
    expect(computeWarnings(context(withPhone))[0]).toEqual({
      kind: "personalData",
      blocking: false,
      items: [{ field: "body", kind: "phone", masked: "070-••• •• 05" }],
    });
    const withNumber = facts({
      findings: [
        { field: "subject", kind: "personnummer", severity: "block", masked: "19121212-••••" },
      ],
    });
    expect(isCreateBlocked(withNumber)).toBe(true);
    expect(computeWarnings(context(withNumber))[0]).toMatchObject({
      kind: "personalData",
      blocking: true,
    });
  });

  it("counts the organizer and warns over and at the type's limit; unlimited types never", () => {
    const attendees = (n: number) => Array.from({ length: n }, (_, i) => `deltagare${i}@region.se`);
    expect(kinds(facts({ attendees: attendees(13) }))).toEqual([]);
    expect(computeWarnings(context(facts({ attendees: attendees(14) })))).toEqual([
      { kind: "check", finding: { kind: "atLimit", count: 15, limit: 15 } },
    ]);
    expect(computeWarnings(context(facts({ attendees: attendees(15) })))).toEqual([
      { kind: "check", finding: { kind: "overLimit", count: 16, limit: 15 } },
    ]);
    expect(kinds(facts({ attendees: attendees(40) }), internal)).toEqual([]);
  });

  it("names attendees at consumer domains, subdomains too, masked", () => {
    const f = facts({
      attendees: ["karl.nilsson@gmail.com", "kollega@region.se", "x@mail.outlook.com"],
    });
    expect(computeWarnings(context(f, care))).toEqual([
      {
        kind: "check",
        finding: { kind: "consumerEmail", addresses: ["k•••@gmail.com", "x•••@mail.outlook.com"] },
      },
    ]);
  });

  it("names every outside attendee of an internal meeting, masked", () => {
    const f = facts({ attendees: ["kollega@region.se", "handlaggare@kommun.example.se"] });
    expect(computeWarnings(context(f, internal))).toEqual([
      {
        kind: "check",
        finding: { kind: "outsideInternal", addresses: ["h•••@kommun.example.se"] },
      },
    ]);
  });

  it("warns about a meeting in the past and stops Skapa möte", () => {
    const past = facts({
      window: {
        start: "2030-11-26T09:00:00.000Z",
        end: "2030-11-26T10:00:00.000Z",
        seriesEnd: null,
      },
    });
    const warnings = computeWarnings(context(past));
    expect(warnings).toEqual([{ kind: "check", finding: { kind: "timePast" } }]);
    expect(createBlock(warnings)).toEqual({ kind: "check", finding: { kind: "timePast" } });
    // A series whose last occurrence is still ahead is not in the past.
    const series = facts({
      window: { ...past.window, seriesEnd: "2030-12-24T10:00:00.000Z" },
      recurrence: { endDate: "2030-12-24" },
    });
    expect(kinds(series)).toEqual(["series"]);
  });

  it("tells about other meetings: Skype, Outlook's Teams block, others", () => {
    const f = facts({
      otherMeetings: [
        { kind: "teams", url: "https://teams.microsoft.com/l/meetup-join/x" },
        { kind: "skype", url: "https://meet.lync.com/a/b" },
        { kind: "zoom", url: "https://zoom.us/j/1" },
      ],
    });
    expect(kinds(f)).toEqual(["skype", "teamsBlock", "otherMeeting"]);
  });

  it("warns about a missing or edited block only while booked, and an orphan only when not", () => {
    expect(kinds(facts({ blockState: "missing" }), care, true)).toEqual(["blockMissing"]);
    expect(kinds(facts({ blockState: "edited" }), care, true)).toEqual(["blockEdited"]);
    expect(kinds(facts({ blockState: "other-booking" }), care, true)).toEqual(["blockEdited"]);
    expect(kinds(facts({ blockState: "ok" }), care, true)).toEqual([]);
    expect(kinds(facts({ orphanBlock: true }))).toEqual(["orphanBlock"]);
    expect(kinds(facts({ orphanBlock: true }), care, true)).toEqual([]);
  });

  it("says a series has one room for all occurrences", () => {
    expect(computeWarnings(context(facts({ recurrence: { endDate: null } })))).toEqual([
      { kind: "series", endDate: null },
    ]);
  });
});
