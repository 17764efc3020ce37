import type { Locale } from "../shared/contract";

const LOCALES: Record<Locale, string> = { sv: "sv-SE", en: "en-GB" };

function sameDay(a: Date, b: Date): boolean {
  return (
    a.getFullYear() === b.getFullYear() &&
    a.getMonth() === b.getMonth() &&
    a.getDate() === b.getDate()
  );
}

/** "tors 26 nov. 2026 10:00–11:00" in the user's time zone; both dates when it spans days. */
export function formatRange(start: Date, end: Date, locale: Locale): string {
  const day = new Intl.DateTimeFormat(LOCALES[locale], {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
  });
  const time = new Intl.DateTimeFormat(LOCALES[locale], { hour: "2-digit", minute: "2-digit" });
  if (sameDay(start, end)) return `${day.format(start)} ${time.format(start)}–${time.format(end)}`;
  return `${day.format(start)} ${time.format(start)} – ${day.format(end)} ${time.format(end)}`;
}

/** "31 dec. 2026" for a series' last day (Outlook gives it as YYYY-MM-DD). */
export function formatDay(isoDate: string, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  const date = match
    ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
    : new Date(isoDate);
  return new Intl.DateTimeFormat(LOCALES[locale], {
    day: "numeric",
    month: "short",
    year: "numeric",
  }).format(date);
}
