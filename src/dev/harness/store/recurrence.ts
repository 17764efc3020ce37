// Recurrence as Outlook keeps it: SeriesTime is NOT in UTC but in the recurrence's time zone
// (here the harness machine's local zone), and the item's start/end follow the series.
import type { StoredRecurrence } from "./state";

const WINDOWS_ZONES: Record<string, string> = {
  "Europe/Stockholm": "W. Europe Standard Time",
  "Europe/Berlin": "W. Europe Standard Time",
  "Europe/Oslo": "W. Europe Standard Time",
  "Europe/Copenhagen": "W. Europe Standard Time",
  "Europe/Helsinki": "FLE Standard Time",
  "Europe/London": "GMT Standard Time",
  UTC: "UTC",
  "Etc/UTC": "UTC",
};

/** The user's time zone by its Windows name, as userProfile.timeZone reports it. */
export function windowsTimeZone(): string {
  const iana = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return WINDOWS_ZONES[iana] ?? "UTC";
}

const pad = (n: number): string => String(n).padStart(2, "0");

export function localDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function localTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;

/** The pattern the harness's Upprepning control offers: daily or weekly on the start's weekday. */
export function simpleRecurrence(
  type: "daily" | "weekly",
  startIso: string,
  endIso: string,
  endDate: string | null,
): StoredRecurrence {
  const start = Date.parse(startIso);
  const weekday = WEEKDAYS[new Date(start).getDay()] ?? "mon";
  return {
    recurrenceType: type,
    recurrenceProperties:
      type === "weekly" ? { interval: 1, days: [weekday], firstDayOfWeek: "mon" } : { interval: 1 },
    recurrenceTimeZone: { name: windowsTimeZone(), offset: -new Date(start).getTimezoneOffset() },
    seriesTime: {
      startDate: localDate(start),
      endDate,
      startTime: localTime(start),
      durationMinutes: Math.round((Date.parse(endIso) - start) / 60_000),
    },
  };
}

/** After the form's Start/Slut change, the series follows (Outlook's form keeps them in step). */
export function syncSeriesTime(
  recurrence: StoredRecurrence,
  startMs: number,
  endMs: number,
): StoredRecurrence {
  const endDate = recurrence.seriesTime.endDate;
  const startDate = localDate(startMs);
  return {
    ...recurrence,
    seriesTime: {
      startDate,
      endDate: endDate !== null && endDate < startDate ? startDate : endDate,
      startTime: localTime(startMs),
      durationMinutes: Math.round((endMs - startMs) / 60_000),
    },
  };
}

/** The first occurrence's start and end (UTC ISO) from a series. */
export function timesFromSeries(recurrence: StoredRecurrence): { start: string; end: string } {
  const { startDate, startTime, durationMinutes } = recurrence.seriesTime;
  const [y, m, d] = startDate.split("-").map(Number);
  const [hh, mm] = startTime.split(":").map(Number);
  const start = new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0);
  return {
    start: start.toISOString(),
    end: new Date(start.getTime() + durationMinutes * 60_000).toISOString(),
  };
}
