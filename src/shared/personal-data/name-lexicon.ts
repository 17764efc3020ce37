import {
  COMMON_WORD_NAMES,
  CORE_GIVEN_NAMES,
  PLACES,
  SURNAME_LIKE_WORDS,
  SURNAMES,
} from "./name-lexicon-core";
import { SURNAME_ENDINGS } from "./name-morphology";

/** Space-separated lower-case words, as the generator writes them. */
export interface LexiconPart {
  given?: string;
  common?: string;
  surnameLike?: string;
  /** "|"-separated lower-case places, as PLACES. */
  places?: string;
}

/**
 * What the name rule knows, built from the generated lists on first use (the send check must not
 * pay for it when a text has no capitalised word). Keys are lower case.
 */
export interface NameLexicon {
  given: ReadonlySet<string>;
  surnames: ReadonlySet<string>;
  /** Names that are also ordinary Swedish words ("per", "bo", "ek", "berg"). */
  common: ReadonlySet<string>;
  /** Ordinary words that end like a surname ("person", "isberg"). */
  surnameLike: ReadonlySet<string>;
  /** Places, units and systems by their first word: "sankt" → ["sankt lars", …]. */
  places: ReadonlyMap<string, readonly string[]>;
  placeWords: ReadonlySet<string>;
}

const extras: LexiconPart[] = [];
let built: NameLexicon | null = null;

function add(set: Set<string>, list: string | undefined): void {
  if (!list) return;
  for (const word of list.split(" ")) if (word) set.add(word);
}

function build(): NameLexicon {
  const given = new Set<string>();
  const common = new Set<string>();
  const surnameLike = new Set<string>();
  add(given, CORE_GIVEN_NAMES);
  add(common, COMMON_WORD_NAMES);
  add(surnameLike, SURNAME_LIKE_WORDS);
  for (const part of extras) {
    add(given, part.given);
    add(common, part.common);
    add(surnameLike, part.surnameLike);
  }
  const surnames = new Set<string>();
  add(surnames, SURNAMES);
  const places = new Map<string, string[]>();
  const placeWords = new Set<string>();
  const phrases = [PLACES, ...extras.map((part) => part.places ?? "")].join("|").split("|");
  for (const phrase of phrases) {
    if (!phrase) continue;
    // Keyed by the first run of letters, as the name rule reads a word: "s:t lars" under "s".
    const first = phrase.split(/[ :-]/)[0] ?? phrase;
    const list = places.get(first) ?? [];
    list.push(phrase);
    places.set(first, list);
    if (!phrase.includes(" ")) placeWords.add(phrase);
  }
  // Longest phrase first, so "karolinska universitetssjukhuset" wins over "karolinska".
  for (const list of places.values()) list.sort((a, b) => b.length - a.length);
  return { given, surnames, common, surnameLike, places, placeWords };
}

export function nameLexicon(): NameLexicon {
  built ??= build();
  return built;
}

/**
 * Adds the full given-name list (the task pane does this from its lazily loaded chunk; the send
 * check keeps the core list to stay within its size budget).
 */
export function extendNameLexicon(part: LexiconPart): void {
  extras.push(part);
  built = null;
}

/** A Swedish-looking surname by its ending that is not an ordinary word ending the same way. */
export function looksLikeSurname(lexicon: NameLexicon, key: string): boolean {
  if (lexicon.surnames.has(key)) return true;
  if (lexicon.surnameLike.has(key)) return false;
  for (const ending of SURNAME_ENDINGS) {
    if (key.length > ending.length + 1 && key.endsWith(ending)) return true;
  }
  return false;
}
