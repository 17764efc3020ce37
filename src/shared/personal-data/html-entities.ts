import { namedEntity } from "../html/entity-names";

// Browsers accept these without the closing ";" when the next character ends the name.
const LEGACY = new Set(["amp", "lt", "gt", "quot", "nbsp", "copy", "reg", "auml", "ouml", "aring"]);

const MAX_ENTITY = 32;

export interface DecodedEntity {
  text: string;
  /** Offset after the reference. */
  end: number;
}

function fromCodePoint(code: number): string {
  const invalid = !Number.isFinite(code) || code <= 0 || code > 0x10ffff;
  return invalid || (code >= 0xd800 && code <= 0xdfff) ? "\ufffd" : String.fromCodePoint(code);
}

function isNameChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Decodes the character reference at `at` (an "&"), or null when there is none. */
export function decodeEntity(html: string, at: number): DecodedEntity | null {
  let i = at + 1;
  if (html.charCodeAt(i) === 35) {
    i++;
    const hex = html.charCodeAt(i) === 120 || html.charCodeAt(i) === 88;
    if (hex) i++;
    const from = i;
    while (i - from < 8 && isDigitOf(html.charCodeAt(i), hex)) i++;
    if (i === from) return null;
    const code = Number.parseInt(html.slice(from, i), hex ? 16 : 10);
    if (html.charCodeAt(i) === 59) i++;
    return { text: fromCodePoint(code), end: i };
  }
  if (!isNameChar(html.charCodeAt(i))) return null;
  const from = i;
  while (i - from < MAX_ENTITY && isNameChar(html.charCodeAt(i))) i++;
  const name = html.slice(from, i);
  const value = namedEntity(name);
  if (value === undefined) return null;
  if (html.charCodeAt(i) === 59) return { text: value, end: i + 1 };
  return LEGACY.has(name) ? { text: value, end: i } : null;
}

function isDigitOf(code: number, hex: boolean): boolean {
  if (code >= 48 && code <= 57) return true;
  return hex && ((code >= 65 && code <= 70) || (code >= 97 && code <= 102));
}
