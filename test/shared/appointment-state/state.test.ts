// The appointment's state as today's and earlier code left it in the custom properties. The
// property bags below are what Office hands back (every value a string, as Outlook stores them),
// written out by hand in the formats earlier panes wrote, not produced by the module under test.
import { describe, expect, it } from "vitest";
import {
  APPOINTMENT_STATE_VERSION,
  type PropertyBag,
  readMarkedPrivate,
  readNotNames,
  readPendingCreate,
  readSnapshot,
  readStoredBooking,
  readVersion,
  writeBooking,
  writeMarkedPrivate,
  writeNotName,
  writePendingCreate,
  writeSnapshot,
} from "../../../src/shared/appointment-state";

/** Office.CustomProperties as the clients behave: values kept as given, absent names undefined. */
function bag(
  initial: Record<string, unknown> = {},
): PropertyBag & { values: Record<string, unknown> } {
  const values: Record<string, unknown> = { ...initial };
  return {
    values,
    get: (name) => values[name],
    set: (name, value) => {
      values[name] = value;
    },
    remove: (name) => {
      delete values[name];
    },
  };
}

const BOOKING_ID = "3f1c2b8e-5d4a-4c3b-9a1e-7b6c5d4e3f2a";
const MANAGE_KEY = "k".repeat(43);
const JOIN_URL = "https://vmr.region.example.se/webapp/m/910012345678/step-by-step?role=guest";

// A snapshot as the pane wrote it before the domain lists were added to it.
const FIRST_SNAPSHOT =
  '{"type":"care","joinUrl":"' +
  JOIN_URL +
  '","start":"2027-12-01T09:00:00.000Z","end":"2027-12-01T10:00:00.000Z","seriesEnd":null,' +
  '"participantLimit":15,"blockDigest":"0a1b2c3d"}';
// And as today's pane writes it (before this module): the same plus the domains.
const LATER_SNAPSHOT = FIRST_SNAPSHOT.replace(
  /}$/,
  ',"organisationDomains":["region.example.se"],"consumerDomains":["gmail.com"]}',
);

describe("reading what earlier panes wrote", () => {
  it("reads a booking with the first snapshot format: no domain lists, read as empty; version 0", () => {
    const props = bag({ bookingId: BOOKING_ID, manageKey: MANAGE_KEY, booking: FIRST_SNAPSHOT });
    expect(readVersion(props)).toBe(0);
    expect(readStoredBooking(props)).toEqual({
      bookingId: BOOKING_ID,
      manageKey: MANAGE_KEY,
      snapshot: {
        type: "care",
        joinUrl: JOIN_URL,
        start: "2027-12-01T09:00:00.000Z",
        end: "2027-12-01T10:00:00.000Z",
        seriesEnd: null,
        participantLimit: 15,
        blockDigest: "0a1b2c3d",
        organisationDomains: [],
        consumerDomains: [],
      },
    });
  });

  it("reads the domain lists of the later snapshot", () => {
    const props = bag({ bookingId: BOOKING_ID, manageKey: MANAGE_KEY, booking: LATER_SNAPSHOT });
    expect(readSnapshot(props)).toMatchObject({
      organisationDomains: ["region.example.se"],
      consumerDomains: ["gmail.com"],
    });
  });

  it("reads a booking made before snapshots existed: ids only, snapshot null", () => {
    const props = bag({ bookingId: BOOKING_ID, manageKey: MANAGE_KEY });
    expect(readStoredBooking(props)).toEqual({
      bookingId: BOOKING_ID,
      manageKey: MANAGE_KEY,
      snapshot: null,
    });
  });

  it("reads a snapshot a client hands back as an object", () => {
    const props = bag({
      bookingId: BOOKING_ID,
      manageKey: MANAGE_KEY,
      booking: JSON.parse(LATER_SNAPSHOT) as unknown,
    });
    expect(readSnapshot(props)?.joinUrl).toBe(JOIN_URL);
  });

  it("reads the pending create and the dismissed words as the pane stored them", () => {
    const pending =
      '{"key":"0f8fad5b-d9cb-469f-a165-70867728950e","type":"information",' +
      '"window":{"start":"2027-12-01T09:00:00.000Z","end":"2027-12-01T10:00:00.000Z","seriesEnd":null},' +
      '"at":"2027-11-30T08:00:00.000Z"}';
    const props = bag({ pendingCreate: pending, notNames: '["Britt-Marie  LUND","karin holm"]' });
    expect(readPendingCreate(props)).toEqual(JSON.parse(pending));
    expect(readNotNames(props)).toEqual(["britt-marie lund", "karin holm"]);
    expect(readStoredBooking(props)).toBeNull();
  });

  it.each([
    ["no manage key", { bookingId: BOOKING_ID }],
    ["an empty booking id", { bookingId: "", manageKey: MANAGE_KEY }],
    ["a number for an id", { bookingId: 7, manageKey: MANAGE_KEY }],
  ])("names no booking with %s", (_, values) => {
    expect(readStoredBooking(bag(values))).toBeNull();
  });

  it.each([
    ["not JSON", "{type:care"],
    ["a link that is not https", FIRST_SNAPSHOT.replace(JOIN_URL, "http://evil.example.com/")],
    ["an unknown type", FIRST_SNAPSHOT.replace('"care"', '"surgery"')],
    ["a number", 42],
  ])("reads a damaged snapshot (%s) as none, keeping the ids", (_, booking) => {
    const props = bag({ bookingId: BOOKING_ID, manageKey: MANAGE_KEY, booking });
    expect(readStoredBooking(props)).toEqual({
      bookingId: BOOKING_ID,
      manageKey: MANAGE_KEY,
      snapshot: null,
    });
  });

  it("reads damaged dismissals and pending creates as none", () => {
    const props = bag({ notNames: "[1,", pendingCreate: '{"key":"x"}' });
    expect(readNotNames(props)).toEqual([]);
    expect(readPendingCreate(props)).toBeNull();
    expect(readVersion(bag({ stateVersion: "två" }))).toBe(0);
  });

  it("reads a later version's extra fields as absent (what the version rule relies on)", () => {
    const props = bag({
      bookingId: BOOKING_ID,
      manageKey: MANAGE_KEY,
      booking: LATER_SNAPSHOT.replace(/}$/, ',"lobbyText":"ny i version 2"}'),
      stateVersion: "2",
    });
    expect(readVersion(props)).toBe(2);
    expect(readSnapshot(props)).not.toHaveProperty("lobbyText");
    expect(readSnapshot(props)?.blockDigest).toBe("0a1b2c3d");
  });
});

describe("writing", () => {
  it("writes the booking in today's format, a version beside it, and forgets the pending create", () => {
    const props = bag({ pendingCreate: '{"key":"x"}' });
    writeBooking(props, { bookingId: BOOKING_ID, manageKey: MANAGE_KEY });
    expect(props.values).toEqual({
      bookingId: BOOKING_ID,
      manageKey: MANAGE_KEY,
      stateVersion: String(APPOINTMENT_STATE_VERSION),
    });
  });

  it("keeps an object snapshot left by an older client readable when it writes anything", () => {
    const props = bag({
      bookingId: BOOKING_ID,
      manageKey: MANAGE_KEY,
      booking: JSON.parse(LATER_SNAPSHOT) as unknown,
    });
    writeNotName(props, "Karin Holm");
    expect(readSnapshot(props)).toEqual(JSON.parse(LATER_SNAPSHOT));
    expect(props.values.notNames).toBe('["karin holm"]');
    expect(props.values.stateVersion).toBe("1");
  });

  it("round-trips a snapshot and a pending create through strings only", () => {
    const props = bag({ bookingId: BOOKING_ID, manageKey: MANAGE_KEY });
    const snapshot = JSON.parse(LATER_SNAPSHOT) as Parameters<typeof writeSnapshot>[1];
    writeSnapshot(props, snapshot);
    const pending = {
      key: "0f8fad5b-d9cb-469f-a165-70867728950e",
      type: "care" as const,
      window: { start: snapshot.start, end: snapshot.end, seriesEnd: null },
      at: "2027-11-30T08:00:00.000Z",
    };
    writePendingCreate(props, pending);
    expect(Object.values(props.values).every((value) => typeof value === "string")).toBe(true);
    expect(readSnapshot(props)).toEqual(snapshot);
    expect(readPendingCreate(props)).toEqual(pending);
  });

  it("leaves nothing of ours, version included, when the booking is removed", () => {
    const props = bag({ bookingId: BOOKING_ID, manageKey: MANAGE_KEY, booking: LATER_SNAPSHOT });
    writeBooking(props, null);
    expect(props.values).toEqual({});
  });

  it("keeps the dismissed words when the booking is removed, and properties it does not own always", () => {
    const props = bag({ bookingId: BOOKING_ID, manageKey: MANAGE_KEY, harnessProbe: "kvar" });
    writeNotName(props, "Karin Holm");
    writeBooking(props, null);
    expect(props.values).toEqual({
      notNames: '["karin holm"]',
      harnessProbe: "kvar",
      stateVersion: "1",
    });
  });

  it("remembers that the pane made it Private, and forgets that with the booking", () => {
    const props = bag({ bookingId: BOOKING_ID, manageKey: MANAGE_KEY });
    expect(readMarkedPrivate(props)).toBe(false);
    writeMarkedPrivate(props, true);
    expect(props.values).toMatchObject({ markedPrivate: "1", stateVersion: "1" });
    expect(readMarkedPrivate(props)).toBe(true);
    // Any other value is not ours: read as "the user's own Private".
    expect(readMarkedPrivate(bag({ markedPrivate: "yes" }))).toBe(false);
    writeBooking(props, null);
    expect(props.values).toEqual({});
    writeMarkedPrivate(props, true);
    writeMarkedPrivate(props, false);
    expect(props.values).toEqual({});
  });
});
