import { describe, expect, it } from "vitest";
import {
  OPEN_SERIES_DAYS,
  bookingWindow,
  windowFor,
  windowMatches,
} from "../../../src/shared/contract";

describe("the booking window the service receives", () => {
  it("is start and end in UTC for a single meeting", () => {
    expect(
      bookingWindow({
        start: new Date("2026-11-27T09:00:00Z"),
        end: new Date("2026-11-27T10:00:00Z"),
        recurrence: null,
      }),
    ).toEqual({
      start: "2026-11-27T09:00:00.000Z",
      end: "2026-11-27T10:00:00.000Z",
      seriesEnd: null,
    });
  });

  it("ends a series at the last day's local end time, across a daylight-saving change", () => {
    // First occurrence in winter time, last in summer time: same 11:00 on the wall clock.
    const window = bookingWindow({
      start: new Date(2027, 0, 12, 10, 0),
      end: new Date(2027, 0, 12, 11, 0),
      recurrence: { endDate: "2027-06-15" },
    });
    expect(window.seriesEnd).toBe(new Date(2027, 5, 15, 11, 0).toISOString());
  });

  it("keeps a series without an end date open for a year", () => {
    const end = new Date("2026-11-27T10:00:00Z");
    const window = bookingWindow({
      start: new Date("2026-11-27T09:00:00Z"),
      end,
      recurrence: { endDate: null },
    });
    expect(Date.parse(window.seriesEnd ?? "") - end.getTime()).toBe(OPEN_SERIES_DAYS * 86_400_000);
  });

  it("never ends a series before its first occurrence", () => {
    const window = bookingWindow({
      start: new Date(2026, 10, 27, 9, 0),
      end: new Date(2026, 10, 27, 10, 0),
      recurrence: { endDate: "2026-11-01" },
    });
    expect(window.seriesEnd).toBe(window.end);
  });

  it("compares windows as instants, whatever the notation", () => {
    const booking = {
      start: "2026-11-27T09:00:00Z",
      end: "2026-11-27T10:00:00.000Z",
      seriesEnd: null,
    };
    expect(
      windowMatches(booking, {
        start: "2026-11-27T10:00:00+01:00",
        end: "2026-11-27T10:00:00.000Z",
        seriesEnd: null,
      }),
    ).toBe(true);
    expect(
      windowMatches(booking, {
        start: "2026-11-27T09:30:00.000Z",
        end: "2026-11-27T10:00:00.000Z",
        seriesEnd: null,
      }),
    ).toBe(false);
    expect(windowMatches(booking, { ...booking, seriesEnd: "2026-12-27T10:00:00.000Z" })).toBe(
      false,
    );
  });
});

describe("the window sent when one occurrence of a series is edited", () => {
  const series = {
    start: "2027-01-12T09:00:00.000Z",
    end: "2027-01-12T10:00:00.000Z",
    seriesEnd: "2027-06-15T09:00:00.000Z",
  };

  it("keeps the series' window when Outlook reports no recurrence for the occurrence", () => {
    const window = windowFor(
      {
        start: new Date("2027-03-02T13:00:00Z"),
        end: new Date("2027-03-02T14:00:00Z"),
        recurrence: null,
        occurrence: true,
      },
      series,
    );
    expect(window).toEqual(series);
    expect(windowMatches(series, window)).toBe(true);
  });

  it("never shortens the series when the occurrence reports an earlier end", () => {
    const window = windowFor(
      {
        start: new Date("2027-03-02T13:00:00Z"),
        end: new Date("2027-03-02T14:00:00Z"),
        recurrence: { endDate: "2027-03-02" },
        occurrence: true,
      },
      series,
    );
    expect(window.seriesEnd).toBe(series.seriesEnd);
  });

  it("lengthens the series when the last occurrence is moved past its end", () => {
    const window = windowFor(
      {
        start: new Date("2027-06-17T09:00:00Z"),
        end: new Date("2027-06-17T10:00:00Z"),
        recurrence: null,
        occurrence: true,
      },
      series,
    );
    expect(window).toEqual({ ...series, seriesEnd: "2027-06-17T10:00:00.000Z" });
  });

  it("is the form's window for the series itself or a single meeting", () => {
    const times = {
      start: new Date("2027-01-13T09:00:00Z"),
      end: new Date("2027-01-13T10:00:00Z"),
      recurrence: null,
    };
    expect(windowFor(times, series)).toEqual(bookingWindow(times));
    expect(windowFor({ ...times, occurrence: true }, null)).toEqual(bookingWindow(times));
  });
});
