import { isBlank, isLetter, isUpperLetter, lowerCode } from "./chars";

export interface Word {
  start: number;
  end: number;
}

/**
 * Where the word starting at `at` ends (letters and inner hyphens: "Anna-Karin",
 * "Upplands-Bro"), or -1 when no word starts there. Allocates nothing: the detectors call it
 * for every word of a 1 MB body.
 */
export function wordEnd(text: string, at: number): number {
  if (!isLetter(text.charCodeAt(at)) || isLetter(text.charCodeAt(at - 1))) return -1;
  let end = at + 1;
  for (;;) {
    const code = text.charCodeAt(end);
    if (isLetter(code) || (code === 45 && isLetter(text.charCodeAt(end + 1)))) end++;
    else return end;
  }
}

/** The word starting at `at`, if any. */
export function readWord(text: string, at: number): Word | null {
  const end = wordEnd(text, at);
  return end === -1 ? null : { start: at, end };
}

export function isCapitalised(text: string, word: Word): boolean {
  return isUpperLetter(text.charCodeAt(word.start));
}

/** The word that ends right before `at` with one space between, if any. */
export function wordBefore(text: string, at: number): Word | null {
  if (!isBlank(text.charCodeAt(at - 1))) return null;
  let start = at - 1;
  while (start > 0 && at - 1 - start < 40 && isLetter(text.charCodeAt(start - 1))) start--;
  return start < at - 1 ? { start, end: at - 1 } : null;
}

/** The word after one or two spaces from `at`, if any. */
export function wordAfter(text: string, at: number): Word | null {
  let i = at;
  if (!isBlank(text.charCodeAt(i))) return null;
  i++;
  if (isBlank(text.charCodeAt(i))) i++;
  return readWord(text, i);
}

/**
 * A set of lower-case words that answers "is text[start..end) one of them, ignoring case?"
 * without cutting the word out of the text: the name rule asks this for every word of a body.
 */
export class WordSet {
  private readonly byLength = new Map<number, string[]>();
  // First letters of the words: most words of a body are ruled out by one lookup.
  private readonly firsts = new Set<number>();

  constructor(words: Iterable<string>) {
    for (const word of words) {
      this.firsts.add(word.charCodeAt(0));
      const list = this.byLength.get(word.length) ?? [];
      list.push(word);
      this.byLength.set(word.length, list);
    }
  }

  has(text: string, start: number, end: number): boolean {
    if (!this.firsts.has(lowerCode(text.charCodeAt(start)))) return false;
    const candidates = this.byLength.get(end - start);
    if (!candidates) return false;
    return candidates.some((word) => {
      for (let i = 0; i < word.length; i++) {
        if (lowerCode(text.charCodeAt(start + i)) !== word.charCodeAt(i)) return false;
      }
      return true;
    });
  }
}
