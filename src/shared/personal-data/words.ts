import { isBlank, isLetter, isUpperLetter } from "./chars";

export interface Word {
  start: number;
  end: number;
}

/** The letters (and inner hyphens: "Anna-Karin", "Upplands-Bro") of the word starting at `at`. */
export function readWord(text: string, at: number): Word | null {
  if (!isLetter(text.charCodeAt(at)) || isLetter(text.charCodeAt(at - 1))) return null;
  let end = at;
  while (
    isLetter(text.charCodeAt(end)) ||
    (text.charCodeAt(end) === 45 && isLetter(text.charCodeAt(end + 1)) && end > at)
  ) {
    end++;
  }
  return { start: at, end };
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
