import { isValidDate } from "./dates";
import { digitAt, luhnCheckDigit, twoDigits } from "./luhn";
import { isSkatteverketTestNumber, isSkatteverketTestNumberTen } from "./test-numbers";

export type IdentityNumberKind = "personnummer" | "samordningsnummer";

export interface IdentityNumber {
  kind: IdentityNumberKind;
  testNumber: boolean;
}

const CENTURIES = new Set([18, 19, 20]);

// Today as YYYYMMDD, refreshed once a minute: 1 MB of numbers must not create a Date each.
let todayCache = { value: 0, at: -Infinity };
function today(): number {
  const nowMs = Date.now();
  if (nowMs - todayCache.at > 60_000) {
    const now = new Date(nowMs);
    const value = now.getFullYear() * 10000 + (now.getMonth() + 1) * 100 + now.getDate();
    todayCache = { value, at: nowMs };
  }
  return todayCache.value;
}

/**
 * Checks 10 or 12 ASCII digits as a personnummer or samordningsnummer: century 18–20 (12 digits),
 * a real date (day + 60 for a samordningsnummer) not after today, serial not 000, Luhn check digit over the last
 * ten digits (SKV 704). `separator` is what stood between date and serial ("-", "+", " " or "")
 * and only picks the likely century when looking the number up in the test list.
 *
 * Own implementation rather than the `personnummer` package: the package cannot find numbers in
 * text (it rejects a space or en dash as separator, so a tokenizer is needed anyway), infers the
 * century from today's date, accepts any century in 12-digit form (so "99…" reserve numbers would
 * parse as 1999 dates) and reports failure by throwing, which is costly on 1 MB of digit runs.
 * identity-number.test.ts checks this function against the package on thousands of numbers.
 */
export function checkIdentityDigits(digits: string, separator: string): IdentityNumber | null {
  if (digits.length !== 10 && digits.length !== 12) return null;
  const offset = digits.length - 10;
  const century = offset === 2 ? twoDigits(digits, 0) : null;
  if (century !== null && !CENTURIES.has(century)) return null;
  if (digits.startsWith("000", offset + 6)) return null;
  if (luhnCheckDigit(digits, offset, offset + 9) !== digitAt(digits, offset + 9)) return null;

  const yy = twoDigits(digits, offset);
  const month = twoDigits(digits, offset + 2);
  const day = twoDigits(digits, offset + 4);
  const fullYear = century === null ? null : century * 100 + yy;
  let kind: IdentityNumberKind;
  let birthDay = day;
  if (isValidDate(fullYear, yy, month, day)) kind = "personnummer";
  else if (day > 60 && isValidDate(fullYear, yy, month, day - 60)) {
    kind = "samordningsnummer";
    birthDay = day - 60;
  } else return null;
  // Nobody is born in the future: "20261127-1430" written on 2026-11-20 is a date and a time.
  if (fullYear !== null && fullYear * 10000 + month * 100 + birthDay > today()) return null;

  return { kind, testNumber: isTestNumber(digits, separator) };
}

function isTestNumber(digits: string, separator: string): boolean {
  return digits.length === 12
    ? isSkatteverketTestNumber(digits)
    : isSkatteverketTestNumberTen(digits, separator);
}
