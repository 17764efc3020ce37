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

/** ASCII and Swedish lower-casing of one code unit; keeps the string length unchanged. */
export function lowerCode(code: number): number {
  if (isAsciiUpper(code)) return code + 32;
  if (code >= 0xc0 && code <= 0xde && code !== 0xd7) return code + 32;
  return code;
}

/** Lower-cases `text` one code unit at a time, so offsets stay valid (unlike toLowerCase). */
export function lowerSameLength(text: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const lower = lowerCode(code);
    if (lower !== code) {
      out += text.slice(from, i) + String.fromCharCode(lower);
      from = i + 1;
    }
  }
  return out + text.slice(from);
}
