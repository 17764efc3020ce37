import { INVISIBLE, isLetter, isUpperLetter, lowerCode } from "./chars";

/**
 * A word as the name rule sees it: letters with inner hyphens, and invisible characters inside
 * it kept as part of the word ("An\u200dna" is "Anna", which is what the reader sees). Cyrillic
 * and Greek letters that look like Latin ones count as those ("Аnna" with a Cyrillic А).
 */
export interface NameToken {
  start: number;
  end: number;
  /** Lower case, without invisible characters and hyphens kept; "" for a lower-case word unless
   * every key was asked for. */
  key: string;
  capitalised: boolean;
  /** First word of a sentence, a line or a field: capitalised there for grammar's sake. */
  sentenceStart: boolean;
  /** What follows: " " one space, "," a comma and a space, "." a full stop, else "". */
  next: " " | "," | "." | "";
}

// Cyrillic and Greek capitals and small letters drawn like Latin ones.
const LOOK_ALIKES: ReadonlyMap<number, number> = new Map([
  [0x410, 65],
  [0x412, 66],
  [0x415, 69],
  [0x41a, 75],
  [0x41c, 77],
  [0x41d, 72],
  [0x41e, 79],
  [0x420, 80],
  [0x421, 67],
  [0x422, 84],
  [0x425, 88],
  [0x430, 97],
  [0x435, 101],
  [0x43e, 111],
  [0x440, 112],
  [0x441, 99],
  [0x443, 121],
  [0x445, 120],
  [0x456, 105],
  [0x391, 65],
  [0x392, 66],
  [0x395, 69],
  [0x397, 72],
  [0x399, 73],
  [0x39a, 75],
  [0x39c, 77],
  [0x39d, 78],
  [0x39f, 79],
  [0x3a1, 80],
  [0x3a4, 84],
  [0x3bf, 111],
]);

const MAX_TOKEN = 40;
const INVISIBLE_CODE = INVISIBLE.charCodeAt(0);

function latin(code: number): number {
  return code < 0x370 ? code : (LOOK_ALIKES.get(code) ?? code);
}

function isNameLetter(code: number): boolean {
  return isLetter(latin(code));
}

/** Where a sentence may start: ". ", "! ", "? ", ": ", a line break, a bullet, the field start. */
function startsSentence(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && text.charCodeAt(i) === 32) i--;
  if (i < 0) return true;
  const c = text.charCodeAt(i);
  // . ! ? : ; newline, CR, "•", "-", "–", "(", '"', "»"
  return (
    c === 46 ||
    c === 33 ||
    c === 63 ||
    c === 58 ||
    c === 59 ||
    c === 10 ||
    c === 13 ||
    c === 0x2022 ||
    c === 45 ||
    c === 40 ||
    c === 34 ||
    c === 0xbb
  );
}

function plainKey(text: string, start: number, end: number): string {
  const key = text.slice(start, end).toLowerCase();
  return key.length > MAX_TOKEN ? key.slice(0, MAX_TOKEN) : key;
}

// Look-alike letters mapped to Latin ones, invisible characters dropped.
function mappedKey(text: string, start: number, end: number): string {
  let key = "";
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 45) key += "-";
    else if (code !== INVISIBLE_CODE && key.length < MAX_TOKEN)
      key += String.fromCharCode(lowerCode(latin(code)));
  }
  return key;
}

/** Where the word starting at `at` ends: letters, and hyphens or invisible characters inside. */
function tokenEnd(text: string, at: number): number {
  let end = at + 1;
  for (;;) {
    const code = text.charCodeAt(end);
    if (code < 0x100 ? isLetter(code) : isNameLetter(code)) end++;
    else if ((code === 45 || code === INVISIBLE_CODE) && isNameLetter(text.charCodeAt(end + 1)))
      end++;
    else return end;
  }
}

// Latin-1 letters and hyphens only: no look-alike to map, no invisible character to drop.
function isPlain(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x100 || code === INVISIBLE_CODE) return false;
  }
  return true;
}

/**
 * The next capitalised word at or after `from` (a word boundary), as `readNameToken` reads it.
 * Lower-case words, most of a body, are stepped over whole without building a token.
 */
export function nextCapitalisedToken(text: string, from: number): NameToken | null {
  let k = from;
  while (k < text.length) {
    const code = text.charCodeAt(k);
    if (!isNameLetter(code) || isNameLetter(text.charCodeAt(k - 1))) k++;
    else if (isUpperLetter(latin(code))) return readNameToken(text, k);
    else k = tokenEnd(text, k);
  }
  return null;
}

/**
 * Reads the word at `at` if one starts there (the caller moves on by one character otherwise).
 * Linear: every character is looked at a bounded number of times.
 */
export function readNameToken(text: string, at: number, allKeys = false): NameToken | null {
  const first = text.charCodeAt(at);
  if (!isNameLetter(first) || isNameLetter(text.charCodeAt(at - 1))) return null;
  const end = tokenEnd(text, at);
  const capitalised = isUpperLetter(latin(first));
  // Only capitalised words can start or continue a name: a lower-case word's key (most of a
  // body) is left empty unless the caller asks for every key. Most words are plain Latin-1
  // letters and hyphens: their key is one slice lower-cased, which is what the per-character
  // path gives for them, and several times faster on 1 MB.
  const key =
    !capitalised && !allKeys
      ? ""
      : isPlain(text, at, end)
        ? plainKey(text, at, end)
        : mappedKey(text, at, end);
  const after = text.charCodeAt(end);
  const next =
    after === 32
      ? " "
      : after === 44 && text.charCodeAt(end + 1) === 32
        ? ","
        : after === 46
          ? "."
          : "";
  return {
    start: at,
    end,
    key,
    capitalised,
    sentenceStart: capitalised && startsSentence(text, at),
    next,
  };
}
