// item.recurrence (Mailbox 1.7): getAsync → null for a single appointment, else a Recurrence
// whose seriesTime is an Office.SeriesTime (local to the recurrence's time zone, not UTC).
import { ok } from "../store/errors";
import { StoredRecurrence } from "../store/state";
import { argumentException, asyncArgs, copyJson } from "./async";
import type { FakeContext } from "./context";

const pad = (n: number): string => String(n).padStart(2, "0");

/** Office.SeriesTime: `new Office.SeriesTime()`, then its setters, as the documentation shows. */
export class SeriesTime {
  private startDate = "";
  private endDate: string | null = null;
  private startTime = "00:00";
  private duration = 0;

  static from(stored: StoredRecurrence["seriesTime"]): SeriesTime {
    const series = new SeriesTime();
    series.startDate = stored.startDate;
    series.endDate = stored.endDate;
    series.startTime = stored.startTime;
    series.duration = stored.durationMinutes;
    return series;
  }

  toStored(): StoredRecurrence["seriesTime"] {
    return {
      startDate: this.startDate,
      endDate: this.endDate,
      startTime: this.startTime,
      durationMinutes: this.duration,
    };
  }

  getDuration(): number {
    return this.duration;
  }
  getStartDate(): string {
    return this.startDate;
  }
  getEndDate(): string | null {
    return this.endDate;
  }
  /** "THH:mm:ss:mmm", the format the documentation gives. */
  getStartTime(): string {
    return `T${this.startTime}:00:000`;
  }
  getEndTime(): string {
    const [h, m] = this.startTime.split(":").map(Number);
    const minutes = ((h ?? 0) * 60 + (m ?? 0) + this.duration) % (24 * 60);
    return `T${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}:00:000`;
  }
  setDuration(minutes: number): void {
    if (!Number.isInteger(minutes) || minutes < 0)
      throw argumentException("minutes", "setDuration");
    this.duration = minutes;
  }
  /** (year, month 0–11, day) or "YYYY-MM-DD". */
  setStartDate(yearOrDate: number | string, month?: number, day?: number): void {
    this.startDate = toDate(yearOrDate, month, day, "setStartDate");
  }
  setEndDate(yearOrDate: number | string, month?: number, day?: number): void {
    this.endDate = toDate(yearOrDate, month, day, "setEndDate");
  }
  /** (hours, minutes) or "THH:mm[:ss:mmm]". */
  setStartTime(hoursOrTime: number | string, minutes?: number): void {
    if (typeof hoursOrTime === "string") {
      const match = /^T?(\d{2}):(\d{2})/.exec(hoursOrTime);
      if (!match) throw argumentException("time", "setStartTime");
      this.startTime = `${match[1]}:${match[2]}`;
      return;
    }
    if (hoursOrTime < 0 || hoursOrTime > 23 || minutes === undefined || minutes < 0 || minutes > 59)
      throw argumentException("time", "setStartTime");
    this.startTime = `${pad(hoursOrTime)}:${pad(minutes)}`;
  }
}

function toDate(
  yearOrDate: number | string,
  month: number | undefined,
  day: number | undefined,
  method: string,
): string {
  if (typeof yearOrDate === "string") {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(yearOrDate)) throw argumentException("date", method);
    return yearOrDate;
  }
  if (month === undefined || day === undefined || month < 0 || month > 11 || day < 1 || day > 31)
    throw argumentException("date", method);
  return `${yearOrDate}-${pad(month + 1)}-${pad(day)}`;
}

/** A Recurrence value in the caller's realm. */
export function toRecurrence(ctx: FakeContext, stored: StoredRecurrence | null, compose = true) {
  if (!stored) return null;
  return {
    recurrenceType: stored.recurrenceType,
    recurrenceProperties: copyJson(stored.recurrenceProperties),
    recurrenceTimeZone: copyJson(stored.recurrenceTimeZone),
    seriesTime: SeriesTime.from(stored.seriesTime),
    // In compose the value carries the same getAsync/setAsync as item.recurrence.
    ...(compose ? createRecurrence(ctx) : {}),
  };
}

function fromRecurrence(pattern: unknown, ctx: FakeContext): StoredRecurrence | null {
  if (pattern === null) return null;
  if (!pattern || typeof pattern !== "object")
    throw argumentException("recurrencePattern", "recurrence.setAsync");
  const { recurrenceType, recurrenceProperties, recurrenceTimeZone, seriesTime } =
    pattern as Record<string, unknown>;
  const series = seriesTimeOf(seriesTime);
  const current = ctx.store.peek().recurrence;
  const parsed = StoredRecurrence.safeParse({
    recurrenceType,
    recurrenceProperties: recurrenceProperties ?? { interval: 1 },
    recurrenceTimeZone: {
      name: "UTC",
      offset: 0,
      ...current?.recurrenceTimeZone,
      ...(recurrenceTimeZone && typeof recurrenceTimeZone === "object" ? recurrenceTimeZone : {}),
    },
    seriesTime: series,
  });
  if (!parsed.success) throw argumentException("recurrencePattern", "recurrence.setAsync");
  return parsed.data;
}

/** Any SeriesTime-shaped object: Outlook reads it through its getters. */
function seriesTimeOf(value: unknown): StoredRecurrence["seriesTime"] {
  if (value instanceof SeriesTime) return value.toStored();
  const series = value as Partial<Record<keyof SeriesTime, unknown>> | null;
  if (
    !series ||
    typeof series.getStartDate !== "function" ||
    typeof series.getStartTime !== "function" ||
    typeof series.getDuration !== "function" ||
    typeof series.getEndDate !== "function"
  )
    throw argumentException("seriesTime", "recurrence.setAsync");
  const time = /T?(\d{2}):(\d{2})/.exec(String(series.getStartTime()));
  return {
    startDate: String(series.getStartDate()),
    endDate: (series.getEndDate() as string | null) || null,
    startTime: time ? `${time[1]}:${time[2]}` : "",
    durationMinutes: Number(series.getDuration()),
  };
}

export function createRecurrence(ctx: FakeContext) {
  return {
    getAsync(...rest: unknown[]): void {
      const args = asyncArgs<unknown>(rest, "recurrence.getAsync");
      ctx.queue.run(args, () => ok(toRecurrence(ctx, ctx.store.peek().recurrence)));
    },
    setAsync(pattern: unknown, ...rest: unknown[]): void {
      const stored = fromRecurrence(pattern, ctx);
      const args = asyncArgs<void>(rest, "recurrence.setAsync");
      ctx.queue.run(args, () => ctx.store.setRecurrence(stored, ctx.session));
    },
  };
}
