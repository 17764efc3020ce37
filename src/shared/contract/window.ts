// The booking window: the only facts about the appointment the service ever receives.
// The pane and the launch-event handlers derive it the same way from what Outlook reports.

/** What Outlook reports about when the appointment happens. */
export interface AppointmentTimes {
  start: Date;
  end: Date;
  /** null for a single meeting; `endDate` "YYYY-MM-DD" of the series, or null when it never ends. */
  recurrence: { endDate: string | null } | null;
  /**
   * True when the form edits one occurrence of a series (Outlook's `item.seriesId` is set): start
   * and end are then that occurrence's, and `recurrence` may be null even though a series exists.
   */
  occurrence?: boolean;
}

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
  const open = () => new Date(times.end.getTime() + OPEN_SERIES_DAYS * DAY_MS);
  if (endDate === null) return open();
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(endDate);
  if (!match) return open();
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

/**
 * The window to ask the service for, given what the form shows and what is booked. A booking
 * covers the whole series, so one occurrence edited speaks only for itself: the series keeps its
 * start, end and end of series, and the end of series only ever grows (an occurrence moved past
 * the last day). Without this, an occurrence for which Outlook reports no recurrence would set
 * `seriesEnd` to null and let cleanup remove the series' room before the series ends.
 */
export function windowFor(times: AppointmentTimes, booked: BookingWindow | null): BookingWindow {
  const window = bookingWindow(times);
  if (!times.occurrence || booked === null) return window;
  const formLast = Date.parse(window.seriesEnd ?? window.end);
  const seriesEnd =
    formLast > Date.parse(booked.seriesEnd ?? booked.end)
      ? new Date(formLast).toISOString()
      : booked.seriesEnd;
  return { start: booked.start, end: booked.end, seriesEnd };
}

function sameInstant(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  return Date.parse(a) === Date.parse(b);
}

/** Whether a booking already has this window (times compared as instants). */
export function windowMatches(booked: BookingWindow, window: BookingWindow): boolean {
  return (
    sameInstant(booked.start, window.start) &&
    sameInstant(booked.end, window.end) &&
    sameInstant(booked.seriesEnd, window.seriesEnd)
  );
}
