import { looksLikeSurname, nameLexicon, type NameLexicon } from "./name-lexicon";
import { SURNAME_ENDINGS } from "./name-morphology";
import { type NameToken, nextCapitalisedToken, readNameToken } from "./name-tokens";
import { type RawFinding, rawFinding } from "./raw-finding";

// Lower-case words after a name that make it the name of a place or an institution: "Astrid
// Lindgrens barnsjukhus", "Olof Palmes gata", "Anna Lindhs plats".
const INSTITUTION_WORDS = new Set(
  (
    "sjukhus sjukhuset barnsjukhus barnsjukhuset gata gatan väg vägen plats platsen torg " +
    "torget park parken skola skolan hus huset institut institutet minne center centrum " +
    "vårdcentral vårdcentralen sjukhem hem hemmet stiftelse stiftelsen hospice klinik kliniken " +
    "gymnasium gymnasiet förskola förskolan allé"
  ).split(" "),
);

// Capitalised words that are never a given name before a surname in an invitation.
const NEVER_FIRST = new Set(
  (
    "vårdcentralen vårdcentral mottagningen mottagning avdelning avdelningen kliniken klinik " +
    "region regionen sjukhuset enheten enhet teamet team gruppen möte mötet besök återbesök " +
    "nybesök uppföljning kontroll samtal telefonsamtal videomöte vårdmöte information " +
    "informationsmöte rond inför efter med och till från hos för om ang angående gällande " +
    // Compass words begin places and units ("Östra sjukhuset", "Norra Älvsborgs länssjukhus").
    "norra södra östra västra"
  ).split(" "),
);

// Words right before a name that make it a member of staff signing or named in a role:
// "Hälsningar Karl Nilsson", "kurator Lisa Berg", "Bokat av: Per Larsson", "/Eva Svensson".
const STAFF_BEFORE = new Set(
  (
    "hälsningar hälsning hälsar mvh vh kontaktperson kontakt handläggare " +
    "sekreterare kurator läkare överläkare specialistläkare underläkare ST-läkare sjuksköterska " +
    "ssk usk undersköterska barnmorska psykolog fysioterapeut arbetsterapeut dietist logoped " +
    "enhetschef verksamhetschef chef dr doktor leg tolk tolken samordnare koordinator " +
    "avsändare från"
  )
    .toLowerCase()
    .split(" "),
);

// A role right after the name: "Anna Andersson, kurator", "Karl Nilsson\nSjuksköterska",
// "Maria Berg (ombud)".
const STAFF_AFTER = new Set(
  (
    "sjuksköterska ssk undersköterska usk läkare överläkare specialistläkare kurator psykolog " +
    "fysioterapeut arbetsterapeut dietist logoped barnmorska enhetschef verksamhetschef " +
    "avdelningschef sekreterare samordnare koordinator handläggare ombud tolk leg chef " +
    "medicinsk vårdadministratör administratör"
  ).split(" "),
);

const MAX_GIVEN = 2;

function isLetterCode(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 0xc0 && code <= 0x24f)
  );
}

/** The lower-case word ending at or before `at`, skipping separators on the same line. */
function wordBefore(text: string, at: number): string {
  let i = at - 1;
  let hops = 0;
  while (i >= 0 && hops < 4 && !isLetterCode(text.charCodeAt(i))) {
    const c = text.charCodeAt(i);
    if (c === 10 && hops > 0) break;
    i--;
    hops++;
  }
  const end = i + 1;
  while (i >= 0 && end - i < 24 && (isLetterCode(text.charCodeAt(i)) || text.charCodeAt(i) === 45))
    i--;
  return text.slice(i + 1, end).toLowerCase();
}

/** The lower-case word after ", ", " (", a line break or " – " at `at`. */
function wordAfter(text: string, at: number): string {
  let i = at;
  let hops = 0;
  while (i < text.length && hops < 4 && !isLetterCode(text.charCodeAt(i))) {
    i++;
    hops++;
  }
  const start = i;
  while (i < text.length && i - start < 24 && isLetterCode(text.charCodeAt(i))) i++;
  return text.slice(start, i).toLowerCase();
}

// "Bokat av: Per Larsson": "av" only after these ("utskrivning av Karin Holm" is a patient, and
// "Vi har bokat Karin Holm" too).
const BY_STAFF = new Set([
  "bokat",
  "bokad",
  "bokades",
  "skickat",
  "skickad",
  "skriven",
  "signerad",
]);

/** "Sankt Olof Sölvesborg", "S:t Lars Hässleholm": a saint's name starts a place, not a person. */
function isSaint(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 6), start).toLowerCase();
  return before.endsWith("sankt ") || before.endsWith("s:t ");
}

/** A member of staff signing, or named with a role: not a patient. */
function isStaffContext(text: string, start: number, end: number): boolean {
  const slash = text.charCodeAt(start - 1) === 47 && !isLetterCode(text.charCodeAt(start - 2));
  const before = wordBefore(text, start);
  if (before === "av") {
    const av = text.toLowerCase().lastIndexOf("av", start);
    if (av >= 0 && BY_STAFF.has(wordBefore(text, av))) return true;
  }
  return slash || STAFF_BEFORE.has(before) || STAFF_AFTER.has(wordAfter(text, end));
}

function isGiven(lexicon: NameLexicon, t: NameToken): boolean {
  if (!t.capitalised) return false;
  if (lexicon.given.has(t.key)) return true;
  if (!t.key.includes("-")) return false;
  // "Britt-Marie", "Ann-Christin": every part a given name.
  return t.key.split("-").every((part) => lexicon.given.has(part));
}

function isSurname(lexicon: NameLexicon, t: NameToken): boolean {
  if (!t.capitalised || t.key.length < 2 || NEVER_FIRST.has(t.key)) return false;
  if (looksLikeSurname(lexicon, t.key)) return true;
  // "Berg-Lindqvist", "Lindqvist-Ali": a double surname with at least one known part.
  return t.key.includes("-") && t.key.split("-").some((part) => looksLikeSurname(lexicon, part));
}

/** A surname that is strong evidence on its own: a known one that is no ordinary word, or -son. */
function isStrongSurname(lexicon: NameLexicon, t: NameToken): boolean {
  if (!isSurname(lexicon, t)) return false;
  if (t.key.endsWith("son") && !lexicon.surnameLike.has(t.key)) return true;
  if (!lexicon.surnames.has(t.key) && t.key.includes("-")) {
    // "Mattsson-Lundgren": a double surname with a strong part.
    return t.key.split("-").some((part) => isStrongSurname(lexicon, { ...t, key: part }));
  }
  if (!lexicon.surnames.has(t.key)) return false;
  // A known surname built on a surname ending ("Lindström", "Sjöberg"): the word list has some
  // of these, but no clinician writes them as ordinary words.
  const built = SURNAME_ENDINGS.some((e) => t.key.length >= e.length + 3 && t.key.endsWith(e));
  return built || !lexicon.common.has(t.key);
}

function isInitial(_text: string, t: NameToken): boolean {
  return t.capitalised && t.end - t.start === 1 && t.next === ".";
}

/** A place, unit or system starting at `t` ("Sankt Lars", "Astrid Lindgrens barnsjukhus"). */
function placeLength(
  lexicon: NameLexicon,
  lowerAt: (at: number, n: number) => string,
  t: NameToken,
) {
  const phrases = lexicon.places.get(t.key);
  if (!phrases) return 0;
  for (const phrase of phrases) {
    if (!phrase.includes(" ")) continue;
    const seen = lowerAt(t.start, phrase.length + 1);
    if (seen.startsWith(phrase) && !/\p{L}/u.test(seen.charAt(phrase.length))) return phrase.length;
  }
  return 0;
}

/**
 * Person names found by what they are: a given name followed by a surname or an initial ("Karin
 * Holm", "Britt-Marie Lund", "Anna Maria Ek", "Anna A."), "Efternamn, Förnamn" ("Holm, Karin"),
 * and an unknown capitalised word before a clear surname inside a sentence ("… Aagot
 * Karlsson"). Places and units named after people are not names ("Astrid Lindgrens barnsjukhus",
 * "Sankt Lars"). One pass over the text with a window of a few words: linear time.
 */
export function findLexiconNames(text: string): RawFinding[] {
  const lexicon = nameLexicon();
  const found: RawFinding[] = [];
  const lowerAt = (at: number, n: number) => text.slice(at, at + n).toLowerCase();
  let skipUntil = 0;
  const read = (at: number): NameToken | null => {
    let k = at;
    while (k < text.length) {
      // Spaces, digits and punctuation skipped without a call: most of a body is not a word start.
      const code = text.charCodeAt(k);
      if (code < 0x370 && !isLetterCode(code)) {
        k++;
        continue;
      }
      const t = readNameToken(text, k);
      if (t) return t;
      k++;
    }
    return null;
  };
  // Only a capitalised word can start a name: the loop steps from one to the next.
  let t = nextCapitalisedToken(text, 0);
  while (t) {
    const token = t;
    if (token.start < skipUntil) {
      t = nextCapitalisedToken(text, token.end);
      continue;
    }
    const next = read(token.end);
    const following = () =>
      next === null || next.capitalised ? next : nextCapitalisedToken(text, next.end);
    const place = placeLength(lexicon, lowerAt, token);
    if (place > 0) {
      skipUntil = token.start + place;
      t = following();
      continue;
    }
    const span = nameAt(text, lexicon, token, next, read);
    if (span) {
      const after = read(span.end);
      const institution =
        after !== null &&
        !after.capitalised &&
        INSTITUTION_WORDS.has(text.slice(after.start, after.end).toLowerCase()) &&
        text.charCodeAt(span.end - 1) === 115; // "s": a genitive, "Olof Palmes gata"
      if (!institution && !isSaint(text, span.start) && !isStaffContext(text, span.start, span.end))
        found.push(rawFinding("name", span.start, span.end));
      skipUntil = span.end;
      t = nextCapitalisedToken(text, span.end);
      continue;
    }
    t = following();
  }
  return found;
}

function nameAt(
  text: string,
  lexicon: NameLexicon,
  first: NameToken,
  second: NameToken | null,
  read: (at: number) => NameToken | null,
): { start: number; end: number } | null {
  if (!second || second.start > first.end + 2) return null;
  // "Holm, Karin" (and "Holm, Karin Maria").
  if (first.next === "," && isSurname(lexicon, first) && isGiven(lexicon, second)) {
    if (NEVER_FIRST.has(first.key) || lexicon.placeWords.has(first.key)) return null;
    return { start: first.start, end: second.end };
  }
  // "Berglund, Ayub": a clear surname before a comma and a capitalised word the core list does
  // not know (most of SCB's 24,000 given names are only in the pane's full list).
  if (
    first.next === "," &&
    isStrongSurname(lexicon, first) &&
    !lexicon.placeWords.has(first.key) &&
    isUnknownCapitalised(lexicon, second)
  ) {
    return { start: first.start, end: second.end };
  }
  if (first.next !== " " && !(first.next === "." && isInitial(text, first))) return null;
  if (isGiven(lexicon, first) && !NEVER_FIRST.has(first.key)) {
    // Up to two given names, then a surname or an initial.
    let last = first;
    let candidate: NameToken | null = second;
    for (let n = 1; n <= MAX_GIVEN && candidate; n++) {
      if (last.next !== " ") return null;
      if (isInitial(text, candidate)) return { start: first.start, end: candidate.end + 1 };
      if (
        isSurname(lexicon, candidate) &&
        !(n === 2 && !isSurnameAfterTwo(lexicon, candidate)) &&
        !isPlacePair(lexicon, last, candidate)
      ) {
        // A given name that is an ordinary word, at a sentence start, before a surname that is
        // one too ("Bo Berg …" could be a name; "Per Ek" too): still a name, both are capitals.
        return { start: first.start, end: candidate.end };
      }
      if (!isGiven(lexicon, candidate)) return null;
      last = candidate;
      candidate = read(candidate.end);
      if (candidate && candidate.start !== last.end + 1) return null;
    }
    return null;
  }
  // "… Aagot Karlsson", "Jakov Lindström": an unknown capitalised word before a clear surname.
  // At a sentence start the first word may be an ordinary one capitalised for grammar ("Ring
  // Karlsson …"), so only the surname is reported there.
  if (
    first.next === " " &&
    second.start === first.end + 1 &&
    isUnknownCapitalised(lexicon, first) &&
    !lexicon.surnames.has(first.key) &&
    isStrongSurname(lexicon, second) &&
    // "Studiebesök Norberg": a surname that is also a place needs a known given name before it.
    !lexicon.placeWords.has(second.key)
  ) {
    // "Telefonuppföljning Ali Hassan": the name starts at the second word; the loop gets there.
    const third = second.next === " " ? read(second.end) : null;
    if (isGiven(lexicon, second) && third && isSurname(lexicon, third)) return null;
    return { start: first.sentenceStart ? second.start : first.start, end: second.end };
  }
  return null;
}

/**
 * "Mora Gripenberg", "Kinna Hofors": a place before a place that only ends like a surname is two
 * places ("Åsa Lund" stays a name: Lund is a known surname).
 */
function isPlacePair(lexicon: NameLexicon, first: NameToken, second: NameToken): boolean {
  const place = (key: string) => lexicon.placeWords.has(key) || lexicon.places.has(key);
  return (
    place(first.key) && lexicon.placeWords.has(second.key) && !lexicon.surnames.has(second.key)
  );
}

/** A capitalised word that is no known name, ordinary word, unit word or place. */
function isUnknownCapitalised(lexicon: NameLexicon, t: NameToken): boolean {
  return (
    t.capitalised &&
    t.key.length >= 2 &&
    !NEVER_FIRST.has(t.key) &&
    !lexicon.common.has(t.key) &&
    !lexicon.placeWords.has(t.key) &&
    !lexicon.places.has(t.key)
  );
}

// After two given names ("Anna Maria …") the third word must clearly be a surname.
function isSurnameAfterTwo(lexicon: NameLexicon, t: NameToken): boolean {
  return !lexicon.given.has(t.key) || lexicon.surnames.has(t.key);
}
