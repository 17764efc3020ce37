function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Days in `month` (1–12) of `year`; `year` null means the century is unknown (a 10-digit
 * number), where 29 February counts as valid for every year divisible by four: 2000 was a leap
 * year, so some century always makes such a date real, and recall matters more than that edge.
 */
export function daysInMonth(year: number | null, twoDigitYear: number, month: number): number {
  if (month !== 2) return DAYS[month - 1] ?? 0;
  if (year === null) return twoDigitYear % 4 === 0 ? 29 : 28;
  return isLeapYear(year) ? 29 : 28;
}

/** True when YYMMDD (with an optional known full year) is a real calendar date. */
export function isValidDate(
  fullYear: number | null,
  twoDigitYear: number,
  month: number,
  day: number,
): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(fullYear, twoDigitYear, month);
}
