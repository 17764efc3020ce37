import { readNameToken } from "./name-tokens";
import { normalizeForScan } from "./normalize";
import { type RawFinding } from "./raw-finding";

/**
 * Staff are not patients: a name finding that is the display name of the organiser or of an
 * attendee (Office.js gives both) is not reported. What counts as "the same name":
 *
 * - every word of the finding is a word of one staff member's display name, in any order
 *   ("Karin Holm", "Holm, Karin", "Holm Karin (Kirurgi)"), case, accents, Cyrillic/Greek
 *   look-alikes and invisible characters not mattering;
 * - an initial stands for a word that starts with that letter ("Karin H." for Karin Holm);
 * - at least two words must match (or the whole name, if the display name is one word).
 *
 * A lone given name or surname is still reported: the lexicon rule never finds one alone, so a
 * lone word was found after a patient trigger ("patient Karin", "Fru Holm"), which says it is a
 * patient who shares a name with the organiser; a warning there costs a click, a missed patient
 * costs the promise. Words such as "(Region Västmanland)" in a display name only widen what a
 * finding may consist of, and e-mail addresses count by their local part.
 */
export function withoutStaffNames(
  text: string,
  names: readonly RawFinding[],
  staffNames: readonly string[],
): RawFinding[] {
  if (names.length === 0 || staffNames.length === 0) return [...names];
  const staff = staffNames.map(staffWords).filter((words) => words.length > 0);
  if (staff.length === 0) return [...names];
  return names.filter((f) => {
    const words = nameWords(text.slice(f.start, f.end));
    return !staff.some((member) => isStaffName(words, member));
  });
}

// Bounded: a display name is at most 256 characters (ScanOptions), a finding a few words.
const MAX_WORDS = 16;

function fold(key: string): string {
  return key.normalize("NFD").replace(/\p{M}/gu, "");
}

/** The words of a name as lower-case, accent-free keys ("Öberg" → "oberg", "A." → "a"). */
export function nameWords(text: string): string[] {
  const words: string[] = [];
  let i = 0;
  while (i < text.length && words.length < MAX_WORDS) {
    const token = readNameToken(text, i, true);
    if (!token) {
      i++;
      continue;
    }
    words.push(fold(token.key));
    i = token.end;
  }
  return words;
}

function staffWords(displayName: string): string[] {
  const normal = normalizeForScan(displayName);
  const at = normal.indexOf("@");
  // "karin.holm@example.se" (no display name): the local part is the name.
  return nameWords(at === -1 ? normal : normal.slice(0, at).replace(/[._]/g, " "));
}

function isStaffName(words: readonly string[], member: readonly string[]): boolean {
  if (words.length === 0) return false;
  if (words.length < Math.min(2, member.length)) return false;
  const used = new Array<boolean>(member.length).fill(false);
  // Whole words first, so "Karin K." with staff "Karin Karlsson" uses "karin" for "karin".
  const initials: string[] = [];
  for (const word of words) {
    if (word.length === 1) {
      initials.push(word);
      continue;
    }
    const k = member.findIndex((m, j) => !used[j] && m === word);
    if (k === -1) return false;
    used[k] = true;
  }
  for (const initial of initials) {
    const k = member.findIndex((m, j) => !used[j] && m.startsWith(initial));
    if (k === -1) return false;
    used[k] = true;
  }
  return true;
}
