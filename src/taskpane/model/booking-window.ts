import type { Booking } from "../../shared/contract";
import type { AppointmentTimes } from "../office/ports";

/** The only facts about the appointment the service ever receives (DESIGN §3). */
export interface BookingWindow {
  start: string;
  end: string;
  seriesEnd: string | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** A series without an end date keeps its one room this long (the service must know an end). */
export const OPEN_SERIES_DAYS = 365;

/**
 * End of the last occurrence. Outlook gives the series' last day as a date in the organizer's
 * zone; the occurrence ends at the same local time of day as the first one.
 */
export function seriesEndOf(times: AppointmentTimes): Date | null {
  if (times.recurrence === null) return null;
  const endDate = times.recurrence.endDate;
  if (endDate === null) return new Date(times.end.getTime() + OPEN_SERIES_DAYS * DAY_MS);
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(endDate);
  if (!match) return new Date(times.end.getTime() + OPEN_SERIES_DAYS * DAY_MS);
  const last = new Date(
    Number(match[1]),
    Number(match[2]) - 1,
    Number(match[3]),
    times.end.getHours(),
    times.end.getMinutes(),
    times.end.getSeconds(),
  );
  return last.getTime() < times.end.getTime() ? new Date(times.end) : last;
}

export function bookingWindow(times: AppointmentTimes): BookingWindow {
  const seriesEnd = seriesEndOf(times);
  return {
    start: times.start.toISOString(),
    end: times.end.toISOString(),
    seriesEnd: seriesEnd === null ? null : seriesEnd.toISOString(),
  };
}

function sameInstant(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  return Date.parse(a) === Date.parse(b);
}

/** Whether the booking already has this window (times compared as instants). */
export function windowMatches(
  booking: Pick<Booking, "start" | "end" | "seriesEnd">,
  window: BookingWindow,
): boolean {
  return (
    sameInstant(booking.start, window.start) &&
    sameInstant(booking.end, window.end) &&
    sameInstant(booking.seriesEnd, window.seriesEnd)
  );
}
