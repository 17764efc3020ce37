import { STREET_SUFFIXES, STREET_WORDS } from "./address-words";
import { isBlank, isDigit, isLetter, isUpperLetter, type LowerText } from "./chars";
import { findLexiconNames } from "./find-names-lexicon";
import { looksLikeSurname as surnameByLexicon, nameLexicon } from "./name-lexicon";
import { NAME_PARTICLES, NOT_NAMES, PATIENT_TRIGGERS, TITLES, WEAK_TRIGGERS } from "./name-words";
import { type RawFinding, rawFinding } from "./raw-finding";
import { readWord, type Word, wordEnd, WordSet } from "./words";

const MAX_TOKENS = 4;
const STRONG = new WordSet(PATIENT_TRIGGERS);
const WEAK = new WordSet(WEAK_TRIGGERS);
const TITLE = new WordSet(TITLES);
const MAX_WORD = 30;

/**
 * Person names: found by what they are (find-names-lexicon.ts) and, with less evidence needed,
 * after patient-like phrasing. Overlapping finds of the two become one.
 */
export function findNames(text: string, lower: LowerText): RawFinding[] {
  const all = [...findTriggeredNames(text, lower), ...findLexiconNames(text)].sort(
    (a, b) => a.start - b.start,
  );
  const merged: RawFinding[] = [];
  for (const f of all) {
    // "Karin Boye-skolans": a name inside a compound with an ordinary word is a place's name.
    if (/-\p{Ll}/u.test(text.slice(f.start, f.end))) continue;
    const last = merged[merged.length - 1];
    if (last && f.start < last.end) {
      if (f.end > last.end) merged[merged.length - 1] = rawFinding("name", last.start, f.end);
    } else merged.push(f);
  }
  return merged;
}

/**
 * Person names in patient-like phrasing: "patient Anna Andersson", "ang. Karl Nilsson",
 * "Pat: Andersson, Anna", "gällande Anna-Karin af Ekenstam". Only the name is reported. Every
 * word is read once; after a trigger at most four name words are looked at.
 */
function findTriggeredNames(text: string, lower: LowerText): RawFinding[] {
  const found: RawFinding[] = [];
  let i = 0;
  while (i < text.length) {
    const end = wordEnd(text, i);
    if (end === -1) {
      i++;
      continue;
    }
    const word = { start: i, end };
    i = end;
    const weak = WEAK.has(text, word.start, end);
    if (!weak && !STRONG.has(text, word.start, end)) continue;
    const tokens = readNameTokens(text, lower, afterTrigger(text, lower, word.end));
    const title = !weak && TITLE.has(text, word.start, end);
    if (tokens.length > 0 && isName(lower, tokens, weak, title)) {
      const first = tokens[0];
      const last = tokens[tokens.length - 1];
      if (first && last) {
        found.push(rawFinding("name", first.start, last.end));
        i = last.end;
      }
    }
  }
  return found;
}

// Skips "." ":" "," and spaces after the trigger, and a second trigger ("ang. patient …").
function afterTrigger(text: string, lower: LowerText, at: number): number {
  let i = at;
  for (let hops = 0; hops < 2; hops++) {
    const limit = i + 3;
    while (i < limit && (isBlank(text.charCodeAt(i)) || ".:,".includes(text[i] ?? "x"))) i++;
    const next = readWord(text, i);
    if (!next || !STRONG.has(text, next.start, next.end)) break;
    i = next.end;
  }
  return i;
}

function isNameWord(text: string, word: Word): boolean {
  const length = word.end - word.start;
  return length >= 2 && length <= MAX_WORD && isUpperLetter(text.charCodeAt(word.start));
}

// Capitalised words, particles between them, an initial ("A."), and one "Surname, First".
// A street name followed by a number ends the name: "Anna Andersson Storgatan 12".
function readNameTokens(text: string, lower: LowerText, at: number): Word[] {
  const tokens: Word[] = [];
  let i = at;
  let commaUsed = false;
  while (tokens.length < MAX_TOKENS) {
    const word = readWord(text, i);
    if (!word || isStreetWithNumber(text, lower, word)) break;
    let next: number;
    const particle =
      tokens.length > 0 &&
      word.end - word.start <= 3 &&
      !isUpperLetter(text.charCodeAt(word.start)) &&
      NAME_PARTICLES.has(lower.slice(word.start, word.end));
    if (particle) {
      next = word.end;
    } else if (isInitial(text, word)) {
      tokens.push({ start: word.start, end: word.end + 1 });
      next = word.end + 1;
    } else if (isNameWord(text, word)) {
      tokens.push(word);
      next = word.end;
    } else break;
    if (isBlank(text.charCodeAt(next)) && isLetter(text.charCodeAt(next + 1))) {
      i = next + 1;
    } else if (
      !commaUsed &&
      tokens.length === 1 &&
      text[next] === "," &&
      isBlank(text.charCodeAt(next + 1)) &&
      isLetter(text.charCodeAt(next + 2))
    ) {
      commaUsed = true;
      i = next + 2;
    } else break;
  }
  return tokens;
}

function isInitial(text: string, word: Word): boolean {
  return (
    word.end - word.start === 1 &&
    isUpperLetter(text.charCodeAt(word.start)) &&
    text.charCodeAt(word.end) === 46
  );
}

function isStreetWithNumber(text: string, lower: LowerText, word: Word): boolean {
  if (!isBlank(text.charCodeAt(word.end)) || !isDigit(text.charCodeAt(word.end + 1))) return false;
  const w = lower.slice(word.start, word.end);
  return STREET_WORDS.has(w) || STREET_SUFFIXES.some((s) => w.endsWith(s));
}

function looksLikeSurname(w: string): boolean {
  return surnameByLexicon(nameLexicon(), w);
}

function isName(lower: LowerText, tokens: readonly Word[], weak: boolean, title: boolean): boolean {
  const words = tokens.map((t) => lower.slice(t.start, t.end).replace(/\.$/, ""));
  const first = words[0] ?? "";
  const { given, placeWords, places, surnames } = nameLexicon();
  const known = words.some((w) => given.has(w) || looksLikeSurname(w));
  if (weak) {
    // "om Åsa Lund" is a person, "om Mora Hälsocentral" and "om Kinna Hofors" are places.
    const second = words[1] ?? "";
    const pair = `${first} ${second}`;
    const place =
      (placeWords.has(second) && !surnames.has(second)) ||
      (places.get(first) ?? []).some((p) => p === pair || p.startsWith(`${pair} `));
    return words.length >= 2 && given.has(first) && !NOT_NAMES.has(second) && !place;
  }
  if (NOT_NAMES.has(first)) return false;
  // "ang. Lund", "gällande Sankt Lars": a place or a unit, not a person; "Fru Lund" is a person.
  if (!title && (placeWords.has(first) || places.has(first))) return false;
  if (words.length === 1) return known;
  return known || words.every((w) => !NOT_NAMES.has(w));
}
