// The named character references this reader knows: a subset of the WHATWG table
// (https://html.spec.whatwg.org/entities.json, © WHATWG, CC BY 4.0; checked entry by entry against
// the `entities` npm package's copy, BSD-2-Clause, in test/shared/html/entities.test.ts).
//
// Why a subset: the full table has 2,231 entries, some 13 KB gzip, and the launch-event bundle must
// stay under 40 KB gzip with about 1 KB to spare. What is kept is everything a mail body
// realistically holds and everything needed to read the rest exactly as a browser does:
// - the 106 legacy names, which browsers read even without ";" (`&nbsp`, `&auml`): all of
//   U+00A0–U+00FF plus amp, lt, gt, quot in both cases;
// - the 40 longer names that start with a legacy name (`&notin;`, `&ltimes;`, math signs) by name
//   only: they are left as written, so `&notin;` never reads as "¬in;";
// - the names of ASCII punctuation (`&commat;`, `&period;`: how an address is hidden from
//   harvesters) and the spaces, dashes, quotes and bullets of U+2000–U+206F that editors write.
// A name outside the subset (`&alpha;`, `&Scaron;`) is left as written: a reader of the raw body
// sees it that way too, and no digit or Swedish letter has such a name.

// U+00A0 … U+00DF in code point order. U+00E0 … U+00FF are the same letters in lower case
// (agrave … thorn), save "divide" for U+00F7 and "yuml" for U+00FF.
const LATIN1 =
  "nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn " +
  "sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave " +
  "Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml " +
  "ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN " +
  "szlig";

// Each name followed by its character (every one a single character that is no letter or digit).
// These need ";", except the first ten (legacy too).
const OTHERS =
  'amp&AMP&lt<LT<gt>GT>quot"QUOT"COPY\u00a9REG\u00ae' +
  // ASCII punctuation
  "apos'ast*colon:comma,commat@dollar$equals=excl!lpar(num#percnt%period.plus+quest?rpar)semi;sol/" +
  // Spaces, dashes, quotes and marks of U+2000–U+206F
  "bdquo\u201ebull\u2022bullet\u2022dash\u2010emsp\u2003ensp\u2002hellip\u2026hyphen\u2010" +
  "ldquo\u201clsquo\u2018mdash\u2014ndash\u2013rdquo\u201drsquo\u2019sbquo\u201athinsp\u2009" +
  "zwj\u200dzwnj\u200c" +
  // What else editors and signatures write
  "euro\u20actrade\u2122minus\u2212";

const LEGACY_COUNT = 96 + 10;

// The WHATWG names that start with a legacy name and go on (`notin`, `ltimes`, `timesb`): a
// browser reads them whole, so the legacy name at their start must not be read instead.
const LONGER_THAN_LEGACY =
  /^(?:centerdot|copysr|divideontimes|[gl]t(?:cc|cir|dot|quest)|gtlPar|ltrPar|lthree|ltimes|ltlarr|ltri[ef]?|gtr(?:approx|arr|dot|eqq?less|less|sim)|notin(?:dot|E|v[abc])?|notni(?:v[abc])?|parallel|times(?:bar|b|d))$/;

const NAMED = new Map<string, string>();
const LEGACY = new Set<string>();
{
  const latin1 = LATIN1.split(" ");
  const lower = latin1.slice(32).map((name) => name.toLowerCase());
  lower[23] = "divide";
  lower[31] = "yuml";
  [...latin1, ...lower].forEach((name, i) => {
    NAMED.set(name, String.fromCharCode(0xa0 + i));
    LEGACY.add(name);
  });
  let i = 0;
  for (const [, name = "", text = ""] of OTHERS.matchAll(/([A-Za-z0-9]+)([^A-Za-z0-9])/g)) {
    NAMED.set(name, text);
    if (i++ < LEGACY_COUNT - 96) LEGACY.add(name);
  }
}

/** The text of a named reference (`aring` → "å", without "&" and ";"), or undefined. */
export function namedEntity(name: string): string | undefined {
  return NAMED.get(name);
}

/** Whether browsers read this name without a ";" (`&nbsp`, `&auml`): the legacy set. */
export function isLegacyName(name: string): boolean {
  return LEGACY.has(name);
}

/** A WHATWG name outside the subset that starts with a legacy name: left as written, whole. */
export function isLongerThanLegacy(name: string): boolean {
  return LONGER_THAN_LEGACY.test(name);
}

/** The longest name read, in characters: no reference is read beyond it. */
export const LONGEST_NAME = "divideontimes".length;
