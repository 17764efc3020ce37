import { describe, expect, it } from "vitest";
import {
  appointmentChecks,
  checkMessage,
  checkOutsideAttendees,
  checkSentence,
  checkTimes,
  countParticipants,
} from "../../../src/shared/checks";

const ME = "anna@region.se";
const window = (start: string, end: string, seriesEnd: string | null = null) => ({
  start,
  end,
  seriesEnd,
});
const NOW = new Date("2030-05-01T12:00:00.000Z");
const lists = { organisationDomains: ["region.se"], consumerDomains: ["gmail.com"] };

describe("who counts", () => {
  it("counts the organiser once, attendees once each, case and spaces ignored", () => {
    expect(countParticipants([], ME)).toBe(1);
    expect(countParticipants(["a@region.se", "A@Region.se ", ME, "ANNA@region.se"], ME)).toBe(2);
  });

  it("is over the limit of 15 from 15 invitees on, at it with 14", () => {
    const invitees = (n: number) => Array.from({ length: n }, (_, i) => `d${i}@region.se`);
    const limit = (n: number) =>
      appointmentChecks({
        window: window("2030-05-02T09:00:00Z", "2030-05-02T10:00:00Z"),
        now: NOW,
        attendees: invitees(n),
        organizer: ME,
        type: { id: "care", participantLimit: 15 },
        ...lists,
      });
    expect(limit(13)).toEqual([]);
    expect(limit(14)).toEqual([{ kind: "atLimit", count: 15, limit: 15 }]);
    expect(limit(15)).toEqual([{ kind: "overLimit", count: 16, limit: 15 }]);
    expect(limit(16)).toEqual([{ kind: "overLimit", count: 17, limit: 15 }]);
  });
});

describe("the meeting's time", () => {
  it("is past once the last occurrence has ended, as the service judges it", () => {
    expect(checkTimes(window("2030-05-01T10:00:00Z", "2030-05-01T11:00:00Z"), NOW)).toEqual({
      kind: "timePast",
    });
    // Started, not ended: still bookable.
    expect(checkTimes(window("2030-05-01T11:30:00Z", "2030-05-01T12:30:00Z"), NOW)).toBeNull();
    expect(
      checkTimes(
        window("2030-04-01T10:00:00Z", "2030-04-01T11:00:00Z", "2030-06-01T11:00:00Z"),
        NOW,
      ),
    ).toBeNull();
    expect(checkTimes(window("2030-05-02T10:00:00Z", "2030-05-02T09:00:00Z"), NOW)).toEqual({
      kind: "endBeforeStart",
    });
  });

  it("says it in the region's words", () => {
    expect(checkSentence("sv", { kind: "timePast" })).toBe(
      "Mötet ligger bakåt i tiden. Ändra Start.",
    );
  });
});

describe("outside attendees", () => {
  it("on an internal meeting: every address outside the organisation (and the organiser's domain), masked", () => {
    const found = checkOutsideAttendees(
      ["kollega@region.se", "x@sub.region.se", "handlaggare@kommun.example.se", "b@gmail.com"],
      "internal",
      "anna@annan.region.example",
      lists,
    );
    expect(found).toEqual({
      kind: "outsideInternal",
      addresses: ["h•••@kommun.example.se", "b•••@gmail.com"],
    });
    const words = checkMessage("sv", found!);
    expect(`${words.title} ${words.text}`).not.toMatch(/patient|handlaggare/i);
    expect(words.text).toContain("internt möte");
  });

  it("on a patient type: only private mail domains", () => {
    expect(checkOutsideAttendees(["handlaggare@kommun.example.se"], "care", ME, lists)).toBeNull();
    expect(checkOutsideAttendees(["karl@gmail.com"], "information", ME, lists)).toEqual({
      kind: "consumerEmail",
      addresses: ["k•••@gmail.com"],
    });
  });

  it("lists at most three addresses and says how many more", () => {
    const many = Array.from({ length: 5 }, (_, i) => `p${i}@gmail.com`);
    const found = checkOutsideAttendees(many, "care", ME, lists)!;
    expect(checkMessage("sv", found).text).toContain("och 2 till");
    expect(checkMessage("en", found).text).toContain("and 2 more");
  });
});
