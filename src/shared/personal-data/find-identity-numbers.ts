import { isLetter } from "./chars";
import { checkIdentityDigits } from "./identity-number";
import { type DigitRun, readDigitRun, readFourChars, readSeparator } from "./digit-runs";
import { type RawFinding, rawFinding } from "./raw-finding";
import { isDigitReserveNumber, isLetterReserveNumber } from "./reservnummer";
import { isDigit } from "./chars";

/**
 * Personnummer, samordningsnummer and reservnummer in normalised text, left to right in one
 * pass: every digit run is read once, and each candidate looks at most a separator and four
 * characters past it.
 */
export function findIdentityNumbers(text: string): RawFinding[] {
  const found: RawFinding[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isDigit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const run = readDigitRun(text, i);
    const hit = matchRun(text, run);
    if (hit) found.push(hit);
    i = hit ? hit.end : run.end;
  }
  return found;
}

function matchRun(text: string, run: DigitRun): RawFinding | null {
  if (run.length === 10 || run.length === 12) return matchDigits(run.digits, run.start, run.end);
  if (run.length === 4) return matchIsoDate(text, run);
  if (run.length !== 6 && run.length !== 8) return null;

  // Reserve numbers glue letters to the date ("19810829M071"); a letter before the date means
  // the digits are part of a word or code instead.
  const letterBefore = isLetter(text.charCodeAt(run.start - 1));
  const glued = readFourChars(text, run.end);
  if (glued && !letterBefore && isLetterReserveNumber(run.digits, glued.value, "")) {
    return rawFinding("reservnummer", run.start, glued.end);
  }

  const separator = readSeparator(text, run.end);
  if (!separator) return null;
  if (isDigit(text.charCodeAt(separator.end))) {
    const tail = readDigitRun(text, separator.end);
    if (tail.length === 4) {
      const digits = run.digits + tail.digits;
      const id = checkIdentityDigits(digits, separator.sign);
      if (id) return rawFinding(id.kind, run.start, tail.end, id.testNumber);
      if (isDigitReserveNumber(digits)) {
        return rawFinding("reservnummer", run.start, tail.end);
      }
    }
  }
  const suffix = readFourChars(text, separator.end);
  if (suffix && !letterBefore && isLetterReserveNumber(run.digits, suffix.value, separator.sign)) {
    return rawFinding("reservnummer", run.start, suffix.end);
  }
  return null;
}

function matchDigits(digits: string, start: number, end: number): RawFinding | null {
  const id = checkIdentityDigits(digits, "");
  // "0701740607": a mobile number (070-…) written as bare digits reads as a samordningsnummer of
  // a child born in 2007 (month 01, day 74); phone numbers are far commoner, so it is a phone.
  if (id?.kind === "samordningsnummer" && digits.length === 10 && digits.startsWith("070")) {
    return null;
  }
  if (id) return rawFinding(id.kind, start, end, id.testNumber, digits.length === 10);
  if (isDigitReserveNumber(digits)) return rawFinding("reservnummer", start, end);
  return null;
}

// "1912-12-12-1212": the birth date written as an ISO date, then the last four.
function matchIsoDate(text: string, year: DigitRun): RawFinding | null {
  if (text.charCodeAt(year.end) !== 45 || !isDigit(text.charCodeAt(year.end + 1))) return null;
  const month = readDigitRun(text, year.end + 1);
  if (month.length !== 2 || text.charCodeAt(month.end) !== 45) return null;
  if (!isDigit(text.charCodeAt(month.end + 1))) return null;
  const day = readDigitRun(text, month.end + 1);
  if (day.length !== 2) return null;
  const separator = readSeparator(text, day.end);
  if (!separator || separator.sign === " " || !isDigit(text.charCodeAt(separator.end))) return null;
  const tail = readDigitRun(text, separator.end);
  if (tail.length !== 4) return null;
  const id = checkIdentityDigits(
    year.digits + month.digits + day.digits + tail.digits,
    separator.sign,
  );
  return id ? rawFinding(id.kind, year.start, tail.end, id.testNumber) : null;
}
