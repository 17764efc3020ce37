import { INVISIBLE } from "./chars";

// Every replacement is one UTF-16 code unit for one code unit, so an offset in the normalised
// text is the same offset in the caller's text.
const SINGLE: ReadonlyMap<number, string> = new Map([
  // Dashes and minus signs people (and Word's autocorrect) put between date and serial.
  [0x2010, "-"],
  [0x2011, "-"],
  [0x2012, "-"],
  [0x2013, "-"],
  [0x2014, "-"],
  [0x2015, "-"],
  [0x2212, "-"],
  [0xfe63, "-"],
  [0xff0d, "-"],
  [0xff0b, "+"],
  [0xfe62, "+"],
  [0xff0e, "."],
  [0xff1a, ":"],
  [0xff20, "@"],
  [0xff08, "("],
  [0xff09, ")"],
  [0xff0f, "/"],
  // No-break and typographic spaces.
  [0x09, " "],
  [0xa0, " "],
  [0x202f, " "],
  [0x205f, " "],
  [0x3000, " "],
  // Invisible characters that could split a number without changing what the reader sees.
  [0xad, INVISIBLE],
  [0x200c, INVISIBLE],
  [0x200d, INVISIBLE],
  [0x2060, INVISIBLE],
  [0xfeff, INVISIBLE],
]);

function replacement(code: number): string | undefined {
  if (code < 0xa0 && code !== 0x09) return undefined;
  if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xff10 + 48);
  if (code >= 0xff21 && code <= 0xff3a) return String.fromCharCode(code - 0xff21 + 65);
  if (code >= 0xff41 && code <= 0xff5a) return String.fromCharCode(code - 0xff41 + 97);
  if (code >= 0x2000 && code <= 0x200a) return " ";
  return SINGLE.get(code);
}

// One character class: testing for it is a single linear pass that cannot backtrack.
const SPECIAL =
  /[\t\u00a0\u00ad\u2000-\u2015\u202f\u205f\u2060\u2212\u3000\ufe62\ufe63\ufeff\uff08-\uff5a]/;

const SPECIALS = new RegExp(SPECIAL.source, "g");

const CHUNK = 8192;

function mapped(code: number): number {
  // Most text is below U+00A0, and å ä ö é (U+00C0–U+00FF) are kept as they are.
  if (code < 0xa0 ? code !== 0x09 : code >= 0xae && code < 0x2000) return code;
  const rep = replacement(code);
  return rep === undefined ? code : rep.charCodeAt(0);
}

/**
 * Maps full-width digits and letters to ASCII, every dash to "-", every space to " " and every
 * invisible character to one marker, keeping the length: the detectors then only need to know
 * ASCII, and their offsets are offsets into the original text. A few such characters (a body's
 * no-break spaces and dashes) are patched in with slices joined once, so the result is one flat
 * string (concatenating them made a rope of thousands of pieces that the first detector paid
 * to flatten); many (1 MB of full-width digits) are rewritten in one typed array. One pass
 * either way, linear and cheap.
 */
export function normalizeForScan(text: string): string {
  const parts: string[] = [];
  const dense = text.length >> 3;
  let from = 0;
  // The engine finds the next special character natively, far faster than a loop over 1 MB.
  SPECIALS.lastIndex = 0;
  for (let m = SPECIALS.exec(text); m !== null; m = SPECIALS.exec(text)) {
    const i = m.index;
    const code = text.charCodeAt(i);
    const to = mapped(code);
    if (to === code) continue;
    if (parts.length > dense) return rewritten(text);
    parts.push(text.slice(from, i), String.fromCharCode(to));
    from = i + 1;
  }
  if (parts.length === 0) return text;
  parts.push(text.slice(from));
  return parts.join("");
}

function rewritten(text: string): string {
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) codes[i] = mapped(text.charCodeAt(i));
  let out = "";
  for (let i = 0; i < codes.length; i += CHUNK) {
    out += String.fromCharCode(...codes.subarray(i, i + CHUNK));
  }
  return out;
}
