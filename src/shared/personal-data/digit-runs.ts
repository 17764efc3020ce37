import { INVISIBLE, isAlnum, isAsciiUpper, isBlank, isDigit, isInvisible } from "./chars";

export interface DigitRun {
  start: number;
  /** Offset after the last digit. */
  end: number;
  /** Number of digits (invisible characters between digits do not count). */
  length: number;
  /** The digits themselves, only for runs short enough to be part of an identity number. */
  digits: string;
}

const MAX_KEPT_DIGITS = 12;

/** Reads the maximal run of digits at `start` (a digit), looking through invisible characters. */
export function readDigitRun(text: string, start: number): DigitRun {
  let i = start;
  let length = 0;
  let invisible = false;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (isDigit(code)) {
      length++;
      i++;
    } else if (isInvisible(code) && isDigit(text.charCodeAt(i + 1))) {
      invisible = true;
      i++;
    } else {
      break;
    }
  }
  let digits = "";
  if (length <= MAX_KEPT_DIGITS) {
    digits = text.slice(start, i);
    if (invisible) digits = digits.replaceAll(INVISIBLE, "");
  }
  return { start, end: i, length, digits };
}

function skipInvisible(text: string, i: number): number {
  while (isInvisible(text.charCodeAt(i))) i++;
  return i;
}

export interface Separator {
  end: number;
  /** "-" or "+" when one was written, otherwise " ". */
  sign: string;
}

/**
 * The separator between the date and the last four of an identity number: "-", "+", a space,
 * or a dash or plus with a space on either side ("121212 - 1212"). Dashes were normalised.
 */
export function readSeparator(text: string, at: number): Separator | null {
  let i = skipInvisible(text, at);
  if (isBlank(text.charCodeAt(i))) i = skipInvisible(text, i + 1);
  let sign = " ";
  const code = text.charCodeAt(i);
  if (code === 45 || code === 43) {
    sign = text[i] ?? " ";
    i = skipInvisible(text, i + 1);
    if (isBlank(text.charCodeAt(i))) i = skipInvisible(text, i + 1);
  }
  return i === at ? null : { end: i, sign };
}

/** Exactly four capital letters or digits at `at`, not followed by another letter or digit. */
export function readFourChars(text: string, at: number): { value: string; end: number } | null {
  for (let i = at; i < at + 4; i++) {
    const code = text.charCodeAt(i);
    if (!isAsciiUpper(code) && !isDigit(code)) return null;
  }
  if (isAlnum(text.charCodeAt(at + 4))) return null;
  return { value: text.slice(at, at + 4), end: at + 4 };
}
