import { isAsciiUpper, isDigit } from "./chars";
import { isValidDate } from "./dates";
import { digitAt, luhnCheckDigit, twoDigits } from "./luhn";

// Reserve numbers (reservnummer) in the regions' published formats
// §1.4. Socialstyrelsen's recommendation (birth date + at least one letter in the last four
// characters) covers VGR, Värmland, Skåne, the national NRID and interim T-numbers; Region
// Stockholm's and Inera Carelink's are all digits and need their own checks.

/** Region Stockholm: 99 yyyy NNNNN C, yyyy 1980–2299, Luhn over positions 5–11. */
function isStockholmReserve(digits: string): boolean {
  if (!digits.startsWith("99")) return false;
  const year = Number(digits.slice(2, 6));
  if (year < 1980 || year > 2299) return false;
  return luhnCheckDigit(digits, 4, 11) === digitAt(digits, 11);
}

/** Inera Carelink: yyyy mm xx NNN C with xx 32–59, Luhn over the last ten like a personnummer. */
function isCarelinkReserve(digits: string): boolean {
  const century = twoDigits(digits, 0);
  if (century < 18 || century > 20) return false;
  const month = twoDigits(digits, 4);
  const xx = twoDigits(digits, 6);
  if (month < 1 || month > 12 || xx < 32 || xx > 59) return false;
  return luhnCheckDigit(digits, 2, 11) === digitAt(digits, 11);
}

/** A reservnummer written as 12 digits (with or without a separator after the date). */
export function isDigitReserveNumber(twelveDigits: string): boolean {
  return (
    twelveDigits.length === 12 &&
    (isStockholmReserve(twelveDigits) || isCarelinkReserve(twelveDigits))
  );
}

// NRID letters: A–Z except I, O, Q, V, W.
function isNridLetter(code: number): boolean {
  return isAsciiUpper(code) && !"IOQVW".includes(String.fromCharCode(code));
}

function isDatePrefix(date: string, suffix: string): boolean {
  if (date.length === 6) {
    return isValidDate(null, twoDigits(date, 0), twoDigits(date, 2), twoDigits(date, 4));
  }
  const xx = twoDigits(date, 0);
  const yy = twoDigits(date, 2);
  const month = twoDigits(date, 4);
  const day = twoDigits(date, 6);
  if (xx >= 18 && xx <= 20) return isValidDate(xx * 100 + yy, yy, month, day);
  // NRID: century + 3 (22 = 1900s, 23 = 2000s), or 00 when the birth date is unknown.
  const nrid =
    isNridLetter(suffix.charCodeAt(0)) &&
    isNridLetter(suffix.charCodeAt(1)) &&
    isDigit(suffix.charCodeAt(2)) &&
    isDigit(suffix.charCodeAt(3));
  if (!nrid) return false;
  if (xx === 0) return true;
  return xx >= 21 && xx <= 23 && isValidDate((xx - 3) * 100 + yy, yy, month, day);
}

/**
 * A birth date (6 or 8 digits) followed by four characters of which at least one is a capital
 * letter. `separator` is "", "-", "+" or " "; after a space the four must also hold a digit, so
 * that "20261127 TEST" is not a reserve number.
 */
export function isLetterReserveNumber(date: string, suffix: string, separator: string): boolean {
  if ((date.length !== 6 && date.length !== 8) || suffix.length !== 4) return false;
  let letters = 0;
  let digits = 0;
  for (let i = 0; i < 4; i++) {
    const code = suffix.charCodeAt(i);
    if (isAsciiUpper(code)) letters++;
    else if (isDigit(code)) digits++;
    else return false;
  }
  if (letters === 0 || (separator === " " && digits === 0)) return false;
  return isDatePrefix(date, suffix);
}
