// Character references as the WHATWG tokenizer reads them (HTML § 13.2.5.72–80): named ones by
// the longest name in the table (entity-names.ts: a subset; other names stay as written), the legacy names also without ";" (but not in an attribute value
// when a letter, digit or "=" follows, so `?a=1&copy=2` stays a query string), numeric ones with
// or without ";", where 0, surrogates and numbers beyond U+10FFFF read as U+FFFD and 0x80–0x9F as
// the Windows-1252 character a browser shows.
import { isLegacyName, isLongerThanLegacy, LONGEST_NAME, namedEntity } from "./entity-names";

export interface CharRef {
  text: string;
  /** Offset after the reference. */
  end: number;
}

// 0x80–0x9F → what Windows-1252 puts there; where it has nothing the code point stays.
const WINDOWS_1252 =
  "\u20ac\x81\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\x8d\u017d\x8f" +
  "\x90\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\x9d\u017e\u0178";

function isAlphanumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  const lower = code | 0x20;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1;
}

/** The character a numeric reference stands for, after the tokenizer's corrections. */
export function numericCharacter(code: number): string {
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return "\ufffd";
  if (code >= 0x80 && code <= 0x9f) return WINDOWS_1252.charAt(code - 0x80);
  return String.fromCodePoint(code);
}

function numeric(source: string, at: number): CharRef | null {
  let i = at + 2;
  const hex = (source.charCodeAt(i) | 0x20) === 120; // x or X
  if (hex) i++;
  const digitsFrom = i;
  let code = 0;
  for (;;) {
    const c = source.charCodeAt(i);
    const digit = hex ? hexValue(c) : c >= 48 && c <= 57 ? c - 48 : -1;
    if (digit < 0) break;
    // Past U+10FFFF the value only has to stay invalid; capping it keeps the number exact.
    code = Math.min(code * (hex ? 16 : 10) + digit, 0x110000);
    i++;
  }
  if (i === digitsFrom) return null; // "&#" or "&#x" with no digits stays as written
  if (source.charCodeAt(i) === 59) i++;
  return { text: numericCharacter(code), end: i };
}

/**
 * Reads the character reference at `at` (an "&") in text (`inAttribute` false) or in an
 * attribute value, or null when the "&" is just an ampersand.
 */
export function readCharRef(source: string, at: number, inAttribute = false): CharRef | null {
  const first = source.charCodeAt(at + 1);
  if (first === 35) return numeric(source, at);
  if (!isAlphanumeric(first)) return null;
  let runEnd = at + 1;
  const limit = Math.min(source.length, at + 1 + LONGEST_NAME);
  while (runEnd < limit && isAlphanumeric(source.charCodeAt(runEnd))) runEnd++;
  // The longest name with its ";", else the longest legacy name, as a browser matches.
  if (source.charCodeAt(runEnd) === 59 && isLongerThanLegacy(source.slice(at + 1, runEnd)))
    return null;
  for (let end = runEnd; end > at + 1; end--) {
    const name = source.slice(at + 1, end);
    const text = namedEntity(name);
    if (text === undefined) continue;
    if (source.charCodeAt(end) === 59) return { text, end: end + 1 };
    if (!isLegacyName(name)) continue;
    const next = source.charCodeAt(end);
    if (inAttribute && (next === 61 || isAlphanumeric(next))) return null;
    return { text, end };
  }
  return null;
}

/** Decodes every character reference in a piece of text or an attribute value. */
export function decodeCharRefs(source: string, inAttribute = false): string {
  let amp = source.indexOf("&");
  if (amp === -1) return source;
  let out = "";
  let from = 0;
  while (amp !== -1) {
    const ref = readCharRef(source, amp, inAttribute);
    if (ref === null) {
      amp = source.indexOf("&", amp + 1);
      continue;
    }
    out += source.slice(from, amp) + ref.text;
    from = ref.end;
    amp = source.indexOf("&", from);
  }
  return out + source.slice(from);
}
