// A Map, not an object: "&constructor;" must not find Object.prototype.constructor.
// Named character references that occur in Outlook, Word and Mac Mail bodies. Unknown names are
// left as written, which is what a reader of the raw text would see too.
const NAMED: ReadonlyMap<string, string> = new Map(
  Object.entries({
    amp: "&",
    lt: "<",
    gt: ">",
    quot: '"',
    apos: "'",
    nbsp: "\u00a0",
    ensp: "\u2002",
    emsp: "\u2003",
    thinsp: "\u2009",
    shy: "\u00ad",
    zwnj: "\u200c",
    zwj: "\u200d",
    ndash: "\u2013",
    mdash: "\u2014",
    minus: "\u2212",
    hyphen: "\u2010",
    dash: "\u2010",
    hellip: "\u2026",
    lsquo: "\u2018",
    rsquo: "\u2019",
    sbquo: "\u201a",
    ldquo: "\u201c",
    rdquo: "\u201d",
    bdquo: "\u201e",
    laquo: "\u00ab",
    raquo: "\u00bb",
    bull: "\u2022",
    middot: "\u00b7",
    times: "\u00d7",
    divide: "\u00f7",
    plus: "+",
    commat: "@",
    period: ".",
    colon: ":",
    lpar: "(",
    rpar: ")",
    sol: "/",
    num: "#",
    euro: "\u20ac",
    pound: "\u00a3",
    copy: "\u00a9",
    reg: "\u00ae",
    trade: "\u2122",
    deg: "\u00b0",
    sect: "\u00a7",
    para: "\u00b6",
    aring: "\u00e5",
    Aring: "\u00c5",
    auml: "\u00e4",
    Auml: "\u00c4",
    ouml: "\u00f6",
    Ouml: "\u00d6",
    eacute: "\u00e9",
    Eacute: "\u00c9",
    egrave: "\u00e8",
    aacute: "\u00e1",
    uuml: "\u00fc",
    Uuml: "\u00dc",
    oslash: "\u00f8",
    Oslash: "\u00d8",
    aelig: "\u00e6",
    AElig: "\u00c6",
    szlig: "\u00df",
    ccedil: "\u00e7",
  }),
);

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
  const value = NAMED.get(name);
  if (value === undefined) return null;
  if (html.charCodeAt(i) === 59) return { text: value, end: i + 1 };
  return LEGACY.has(name) ? { text: value, end: i } : null;
}

function isDigitOf(code: number, hex: boolean): boolean {
  if (code >= 48 && code <= 57) return true;
  return hex && ((code >= 65 && code <= 70) || (code >= 97 && code <= 102));
}
