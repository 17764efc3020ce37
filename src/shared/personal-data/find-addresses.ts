import { isBlank, isDigit, isLetter, isUpperLetter, type LowerText } from "./chars";
import {
  NOT_PLACES,
  STREET_PREFIXES,
  STREET_SUFFIXES,
  STREET_WORDS,
  STRONG_STREET_SUFFIXES,
} from "./address-words";
import { readDigitRun } from "./digit-runs";
import { type RawFinding, rawFinding } from "./raw-finding";
import { isCapitalised, type Word, wordAfter, wordBefore, wordEnd } from "./words";

const MAX_WORD = 40;

/**
 * Postal addresses in normalised text: a postcode with its place ("722 12 Västerås",
 * "SE-722 12 Västerås") and a street with a house number ("Storgatan 12 B", "Västra
 * Ringvägen 4", "Anna Anderssons väg 3"). Two passes, each reading every character once.
 */
export function findAddresses(text: string, lower: LowerText): RawFinding[] {
  const found = [...findPostcodes(text, lower), ...findStreets(text, lower)];
  return found.sort((a, b) => a.start - b.start);
}

function findPostcodes(text: string, lower: LowerText): RawFinding[] {
  const found: RawFinding[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isDigit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const run = readDigitRun(text, i);
    let codeEnd = -1;
    if (run.length === 5) codeEnd = run.end;
    else if (run.length === 3 && isBlank(text.charCodeAt(run.end))) {
      const tail = isDigit(text.charCodeAt(run.end + 1)) ? readDigitRun(text, run.end + 1) : null;
      if (tail?.length === 2) codeEnd = tail.end;
    }
    const place = codeEnd > 0 ? wordAfter(text, codeEnd) : null;
    if (place && run.digits[0] !== "0" && isFree(text, i) && isPlace(text, lower, place)) {
      found.push(rawFinding("address", postcodePrefixStart(lower, i), place.end));
      i = place.end;
    } else {
      i = run.end;
    }
  }
  return found;
}

// Not a group of a longer number ("Mötes-ID 346 012 345 67").
function isFree(text: string, at: number): boolean {
  const prev = text.charCodeAt(at - 1);
  if (isLetter(prev)) return lowerIsCountryPrefix(text, at);
  return !((isBlank(prev) || prev === 45) && isDigit(text.charCodeAt(at - 2)));
}

function lowerIsCountryPrefix(text: string, at: number): boolean {
  return text.slice(at - 2, at).toUpperCase() === "SE";
}

function postcodePrefixStart(lower: LowerText, at: number): number {
  if (lower.startsWith("se-", at - 3) || lower.startsWith("se ", at - 3)) return at - 3;
  if (lower.startsWith("s-", at - 2)) return at - 2;
  if (lower.startsWith("se", at - 2)) return at - 2;
  return at;
}

function isPlace(text: string, lower: LowerText, word: Word): boolean {
  if (!isCapitalised(text, word) || word.end - word.start < 2) return false;
  return !NOT_PLACES.has(lower.slice(word.start, word.end));
}

function findStreets(text: string, lower: LowerText): RawFinding[] {
  const found: RawFinding[] = [];
  let i = 0;
  while (i < text.length) {
    const end = wordEnd(text, i);
    if (end === -1) {
      i++;
      continue;
    }
    // Cheapest test first: a street name is followed by its house number.
    const numbered = isBlank(text.charCodeAt(end)) && isDigit(text.charCodeAt(end + 1));
    const word = { start: i, end };
    let start = numbered && end - i <= MAX_WORD ? streetStart(text, lower, word) : -1;
    let numberEnd = start >= 0 ? houseNumberEnd(text, end) : -1;
    if (numberEnd < 0 && isAbbreviatedStreet(text, lower, word)) {
      start = i;
      numberEnd = houseNumberEnd(text, end + 1);
    }
    if (numberEnd > 0) {
      found.push(rawFinding("address", start, numberEnd));
      i = numberEnd;
    } else {
      i = end;
    }
  }
  return found;
}

// "Storg. 12", "Ringv. 4": a capitalised word cut after its g (gatan) or v (vägen).
function isAbbreviatedStreet(text: string, lower: LowerText, word: Word): boolean {
  if (text.charCodeAt(word.end) !== 46 || !isBlank(text.charCodeAt(word.end + 1))) return false;
  if (!isDigit(text.charCodeAt(word.end + 2)) || word.end - word.start < 4) return false;
  const last = lower.charAt(word.end - 1);
  return isCapitalised(text, word) && (last === "g" || last === "v");
}

// Where the street name that ends with `word` starts, or -1 when `word` ends no street name.
function streetStart(text: string, lower: LowerText, word: Word): number {
  const w = lower.slice(word.start, word.end);
  if (STREET_WORDS.has(w)) {
    const prev = wordBefore(text, word.start);
    if (!prev || !isCapitalised(text, prev)) return -1;
    const p = lower.slice(prev.start, prev.end);
    if (STREET_PREFIXES.has(p)) return prev.start;
    if (!p.endsWith("s")) return -1;
    // "Anna Anderssons väg": take a capitalised first name along.
    const first = wordBefore(text, prev.start);
    return first && isCapitalised(text, first) ? first.start : prev.start;
  }
  const compound = (suffixes: readonly string[]) =>
    suffixes.some((s) => w.length > s.length + 1 && w.endsWith(s));
  if (isCapitalised(text, word) ? !compound(STREET_SUFFIXES) : !compound(STRONG_STREET_SUFFIXES)) {
    return -1;
  }
  const prev = wordBefore(text, word.start);
  return prev && isCapitalised(text, prev) && STREET_PREFIXES.has(lower.slice(prev.start, prev.end))
    ? prev.start
    : word.start;
}

// " 12", " 12B", " 12 B": 1–4 digits not starting with 0, and no time, room or decimal
// ("14.30", "4:12", "1,5") continuing after them.
function houseNumberEnd(text: string, at: number): number {
  if (!isBlank(text.charCodeAt(at)) || !isDigit(text.charCodeAt(at + 1))) return -1;
  if (text.charCodeAt(at + 1) === 48) return -1;
  const run = readDigitRun(text, at + 1);
  if (run.length > 4) return -1;
  const next = text.charCodeAt(run.end);
  if ((next === 58 || next === 46 || next === 44) && isDigit(text.charCodeAt(run.end + 1))) {
    return -1;
  }
  if (isLetter(next)) return isLetter(text.charCodeAt(run.end + 1)) ? -1 : run.end + 1;
  if (
    isBlank(next) &&
    isUpperLetter(text.charCodeAt(run.end + 1)) &&
    !isLetter(text.charCodeAt(run.end + 2))
  ) {
    return run.end + 2;
  }
  return run.end;
}
