// Outlook and Word turn spaces into &nbsp;, insert zero-width and soft-hyphen characters and
// may store letters decomposed; comparisons of visible text must not care.
const WIDE_SPACES = /[\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\t\n\r\f\v]/g;
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
const SPACE_RUNS = / {2,}/g;

/** Visible text as a person reads it: one space between words, no invisible characters. */
export function normalizeText(text: string): string {
  return text
    .replace(INVISIBLE, "")
    .replace(WIDE_SPACES, " ")
    .replace(SPACE_RUNS, " ")
    .trim()
    .normalize("NFC");
}

/** Whether a character is whitespace for "is anything visible here" questions. */
export function countVisible(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code <= 32) continue;
    if (code === 0xa0 || code === 0xad || code === 0xfeff) continue;
    if (code >= 0x2000 && code <= 0x200d) continue;
    if (code === 0x202f || code === 0x205f || code === 0x2060 || code === 0x3000) continue;
    count++;
  }
  return count;
}
