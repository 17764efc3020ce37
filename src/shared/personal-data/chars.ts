// Character classes on UTF-16 code units. The scanner works on code units so that every offset
// it reports is an offset into the caller's string, with no regular expression in the hot path.

/** The marker `normalizeForScan` puts where an invisible character (zero-width space …) was. */
export const INVISIBLE = "\u200b";

export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

export function isAsciiUpper(code: number): boolean {
  return code >= 65 && code <= 90;
}

export function isAsciiLower(code: number): boolean {
  return code >= 97 && code <= 122;
}

/** Latin letters incl. å ä ö é ü and the rest of Latin-1/Extended-A/B (not × and ÷). */
export function isLetter(code: number): boolean {
  return (
    isAsciiUpper(code) ||
    isAsciiLower(code) ||
    (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7)
  );
}

export function isUpperLetter(code: number): boolean {
  if (isAsciiUpper(code)) return true;
  if (code >= 0xc0 && code <= 0xde) return code !== 0xd7;
  // Latin Extended-A alternates upper (even) and lower (odd) for most of its range.
  return code >= 0x100 && code <= 0x17f && code % 2 === 0;
}

export function isAlnum(code: number): boolean {
  return isDigit(code) || isLetter(code);
}

/** Space-like separators after normalisation (tabs and no-break spaces became " "). */
export function isBlank(code: number): boolean {
  return code === 32;
}

export function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}

export function isWhitespace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9 || code === 12;
}

export function isInvisible(code: number): boolean {
  return code === 0x200b;
}

/** ASCII and Latin-1 lower-casing of one code unit. */
export function lowerCode(code: number): number {
  if (isAsciiUpper(code)) return code + 32;
  if (code >= 0xc0 && code <= 0xde && code !== 0xd7) return code + 32;
  return code;
}

/**
 * A lower-cased view of a text. Detectors compare short pieces (a word, a label before a number)
 * case-insensitively; lower-casing those pieces on demand is cheaper than lower-casing a 1 MB
 * body. A plain lower-case string satisfies the same interface.
 */
export interface LowerText {
  readonly length: number;
  charAt(index: number): string;
  charCodeAt(index: number): number;
  slice(start: number, end?: number): string;
  startsWith(prefix: string, position?: number): boolean;
}

export function lowerView(text: string): LowerText {
  return {
    length: text.length,
    charAt: (index) => text.charAt(index).toLowerCase(),
    charCodeAt: (index) => lowerCode(text.charCodeAt(index)),
    slice: (start, end) => text.slice(start, end).toLowerCase(),
    startsWith: (prefix, position = 0) =>
      position >= 0 && text.slice(position, position + prefix.length).toLowerCase() === prefix,
  };
}

/**
 * Lower-cases all of `text` keeping every offset valid: the native toLowerCase changes the
 * length for one character only ("İ" becomes "i" + a combining dot), so that one becomes "I".
 */
export function lowerSameLength(text: string): string {
  return (text.includes("\u0130") ? text.replaceAll("\u0130", "I") : text).toLowerCase();
}
