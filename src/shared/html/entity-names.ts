// The named character references this reader knows: a subset of the WHATWG table
// (https://html.spec.whatwg.org/entities.json, © WHATWG, CC BY 4.0; checked entry by entry against
// the `entities` npm package's copy, BSD-2-Clause, in test/shared/html/entities.test.ts).
//
// Why a subset: the full table has 2,231 entries, some 13 KB gzip, and the launch-event bundle must
// stay under 40 KB gzip with about 1 KB to spare. What is kept is everything a mail body
// realistically holds and everything needed to read the rest exactly as a browser does:
// - the 106 legacy names, which browsers read even without ";" (`&nbsp`, `&auml`): all of
//   U+00A0–U+00FF plus amp, lt, gt, quot in both cases;
// - every longer name that starts with a legacy name (`&notin;`, `&ltimes;`), so the longest match
//   is the browser's and `&notin;` never reads as "¬in;";
// - the names of ASCII punctuation (`&commat;`, `&period;`: how an address is hidden from
//   harvesters) and the spaces, dashes, quotes and bullets of U+2000–U+206F that editors write.
// A name outside the subset (`&alpha;`, `&Scaron;`) is left as written: a reader of the raw body
// sees it that way too, and no digit or Swedish letter has such a name.

// U+00A0 … U+00FF in code point order (COPY and REG are the upper-case twins of copy and reg).
const LATIN1 =
  "nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn " +
  "sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave " +
  "Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml " +
  "ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN " +
  "szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave " +
  "iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc " +
  "uuml yacute thorn yuml";

// name:code point(s) in hex; these need ";" (except the first ten, legacy too).
const OTHERS =
  "amp:26 AMP:26 lt:3c LT:3c gt:3e GT:3e quot:22 QUOT:22 COPY:a9 REG:ae " +
  // ASCII punctuation
  "apos:27 ast:2a bsol:5c colon:3a comma:2c commat:40 dollar:24 equals:3d excl:21 grave:60 " +
  "lcub:7b lowbar:5f lpar:28 lsqb:5b num:23 percnt:25 period:2e plus:2b quest:3f rcub:7d " +
  "rpar:29 rsqb:5d semi:3b sol:2f verbar:7c vert:7c " +
  // Spaces, dashes, quotes and marks of U+2000–U+206F
  "bdquo:201e bull:2022 bullet:2022 dagger:2020 Dagger:2021 dash:2010 ddagger:2021 " +
  "emsp:2003 ensp:2002 frasl:2044 hairsp:200a hellip:2026 hyphen:2010 ldquo:201c lrm:200e " +
  "lsaquo:2039 lsquo:2018 mdash:2014 ndash:2013 permil:2030 prime:2032 Prime:2033 " +
  "rdquo:201d rlm:200f rsaquo:203a rsquo:2019 sbquo:201a thinsp:2009 zwj:200d zwnj:200c " +
  // Longer names that start with a legacy name
  "centerdot:b7 copysr:2117 divideontimes:22c7 gtcc:2aa7 gtcir:2a7a gtdot:22d7 gtlPar:2995 " +
  "gtquest:2a7c gtrapprox:2a86 gtrarr:2978 gtrdot:22d7 gtreqless:22db gtreqqless:2a8c " +
  "gtrless:2277 gtrsim:2273 ltcc:2aa6 ltcir:2a79 ltdot:22d6 lthree:22cb ltimes:22c9 " +
  "ltlarr:2976 ltquest:2a7b ltri:25c3 ltrie:22b4 ltrif:25c2 ltrPar:2996 notin:2209 " +
  "notindot:22f5+338 notinE:22f9+338 notinva:2209 notinvb:22f7 notinvc:22f6 notni:220c " +
  "notniva:220c notnivb:22fe notnivc:22fd parallel:2225 timesbar:2a31 timesb:22a0 timesd:2a30 " +
  // What else editors and signatures write
  "euro:20ac trade:2122 minus:2212 larr:2190 rarr:2192 check:2713 hearts:2665";

const LEGACY_COUNT = 96 + 10;

interface Tables {
  named: Map<string, string>;
  legacy: Set<string>;
}

let tables: Tables | undefined;

// Built on first use: the send check reads no reference in most bodies' first lines anyway.
function build(): Tables {
  const named = new Map<string, string>();
  const legacy = new Set<string>();
  LATIN1.split(" ").forEach((name, i) => {
    named.set(name, String.fromCharCode(0xa0 + i));
    legacy.add(name);
  });
  OTHERS.split(" ").forEach((entry, i) => {
    const [name = "", codes = ""] = entry.split(":");
    named.set(name, String.fromCodePoint(...codes.split("+").map((hex) => parseInt(hex, 16))));
    if (i < LEGACY_COUNT - 96) legacy.add(name);
  });
  return { named, legacy };
}

/** The text of a named reference (`aring` → "å", without "&" and ";"), or undefined. */
export function namedEntity(name: string): string | undefined {
  return (tables ??= build()).named.get(name);
}

/** Whether browsers read this name without a ";" (`&nbsp`, `&auml`): the legacy set. */
export function isLegacyName(name: string): boolean {
  return (tables ??= build()).legacy.has(name);
}

/** The longest name in the table, in characters: no reference is read beyond it. */
export const LONGEST_NAME = "divideontimes".length;
