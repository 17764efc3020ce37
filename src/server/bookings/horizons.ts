// Sane horizons (policy `limits`): how far ahead and how long a booking may be, and how many
// upcoming bookings one user may hold. Each refusal names the limit in words the caller can act
// on; none echoes the request.
import { sql } from "kysely";
import type { Policy } from "../../shared";
import { AppError } from "../errors";
import type { Organizer, MeetingWindow } from "../providers/video-provider";
import type { BookingDeps } from "./deps";

type Limits = Policy["limits"];
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

function refuse(detail: string, sv: string, en: string): never {
  throw new AppError("validation_failed", detail, { publicMessage: { sv, en } });
}

/** Throws a 400 when the window reaches past the policy's horizons. */
export function checkHorizons(window: MeetingWindow, limits: Limits, now: Date): void {
  const hours = limits.maxMeetingHours;
  if (window.end.getTime() - window.start.getTime() > hours * HOUR_MS)
    refuse(
      "meeting longer than maxMeetingHours",
      `Ett möte får vara högst ${hours} timmar långt. Korta mötet eller dela upp det.`,
      `A meeting may last at most ${hours} hours. Shorten it or split it up.`,
    );
  const ahead = limits.maxDaysAhead;
  if (window.start.getTime() > now.getTime() + ahead * DAY_MS)
    refuse(
      "start beyond maxDaysAhead",
      `Ett möte kan bokas högst ${ahead} dagar framåt. Välj en tidigare starttid.`,
      `A meeting can be booked at most ${ahead} days ahead. Choose an earlier start.`,
    );
  const series = limits.maxSeriesDaysAhead;
  if (window.seriesEnd && window.seriesEnd.getTime() > now.getTime() + series * DAY_MS)
    refuse(
      "seriesEnd beyond maxSeriesDaysAhead",
      `En mötesserie får sluta högst ${series} dagar framåt. Ge serien ett tidigare slutdatum och boka en ny serie därefter.`,
      `A meeting series may end at most ${series} days ahead. Give it an earlier end date and book a new series after that.`,
    );
}

/** Bookings of this user that are not removed, failed or over (a series counts until its end). */
export async function countLiveBookings(
  deps: Pick<BookingDeps, "db">,
  user: Organizer,
  now: Date,
): Promise<number> {
  const row = await deps.db
    .selectFrom("bookings")
    .select(sql<number>`count(*)`.as("n"))
    .where("organizer_tid", "=", user.tid)
    .where("organizer_oid", "=", user.oid)
    .where("lifecycle", "in", ["creating", "active", "changing"])
    .where(sql<string>`coalesce(series_end_at, end_at)`, ">", now.toISOString())
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** 429 quota_exceeded: the user already holds the policy's number of live bookings. */
export function quotaExceeded(max: number): AppError {
  return new AppError("quota_exceeded", "live bookings quota reached", {
    publicMessage: {
      sv: `Du har redan ${max} kommande bokningar, så många som regionen tillåter. Ta bort möten du inte längre behöver och försök igen.`,
      en: `You already hold ${max} upcoming bookings, as many as the region allows. Remove meetings you no longer need and try again.`,
    },
  });
}
