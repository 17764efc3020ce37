import { isAlnum, isBlank, isDigit, type LowerText } from "./chars";
import { followsJoinLabel, isDialIn } from "./context";
import { readDigitRun } from "./digit-runs";
import { classifyPhoneDigits, isPersonalNumberType, type PhoneDigits } from "./phone";
import { type RawFinding, rawFinding } from "./raw-finding";

const MAX_GROUPS = 8;
const MAX_DIGITS = 15;
const MIN_DIGITS = 7;

interface Group {
  end: number;
  digits: string;
}

// A character that can stand right before a phone number. Digits, letters and the characters
// that join numbers into something else (ids, URLs, amounts) cannot; "." and ":" can only after
// a word ("Tel:070…", "tfn.070…"), not after a digit ("14:07", "1.070").
function canPrecede(text: string, at: number): boolean {
  const code = text.charCodeAt(at - 1);
  if (code === 46 || code === 58) return !isDigit(text.charCodeAt(at - 2));
  return !(isAlnum(code) || "+-/,@_=&?#%".includes(String.fromCharCode(code)));
}

// "(08)" or "(0)" as one group.
function readParenGroup(text: string, at: number): Group | null {
  const run = readDigitRun(text, at + 1);
  if (run.length < 1 || run.length > 4 || text.charCodeAt(run.end) !== 41) return null;
  return { end: run.end + 1, digits: run.digits };
}

// One space, one dash, or a dash with spaces around it. Dots and slashes are how dates are
// written ("01.12.2026", "27/11"), so they join groups only after an area code or mobile prefix
// of three or more digits ("070.174.06.05", "070/174 06 05").
function readGroupSeparator(text: string, at: number, afterPrefix: boolean): number {
  let i = at;
  if (isBlank(text.charCodeAt(i))) i++;
  const code = text.charCodeAt(i);
  if (code === 45 || (afterPrefix && (code === 46 || code === 47) && i === at)) {
    i++;
    if (isBlank(text.charCodeAt(i))) i++;
  }
  const next = text.charCodeAt(i);
  return i > at && (isDigit(next) || next === 40) ? i : at;
}

function readGroups(text: string, at: number): Group[] {
  const groups: Group[] = [];
  let i = at;
  let total = 0;
  while (groups.length < MAX_GROUPS) {
    let group: Group | null = null;
    if (text.charCodeAt(i) === 40) group = readParenGroup(text, i);
    else if (isDigit(text.charCodeAt(i))) {
      const run = readDigitRun(text, i);
      group = run.length <= MAX_DIGITS ? { end: run.end, digits: run.digits } : null;
    }
    if (!group) break;
    total += group.digits.length;
    if (total > MAX_DIGITS) break;
    groups.push(group);
    const first = groups[0]?.digits ?? "";
    const next = readGroupSeparator(text, group.end, first.length >= 3 && first[0] === "0");
    // "+46 (0)70-…": a bracketed group may touch the next one.
    if (next === group.end && text.charCodeAt(group.end - 1) === 41) {
      if (!isDigit(text.charCodeAt(next))) break;
    } else if (next === group.end) break;
    i = next;
  }
  return groups;
}

/**
 * Finds Swedish phone numbers (trunk 0, +46, 0046) and other numbers written with "+" in
 * normalised text. `lower` is the same text lower-cased; `before` are identity numbers already
 * found (sorted), after which a number may start even though a digit precedes the separator
 * ("19121212-1212 070-174 06 05").
 */
export function findPhoneNumbers(
  text: string,
  lower: LowerText,
  before: readonly RawFinding[],
): RawFinding[] {
  const found: RawFinding[] = [];
  const cache = new Map<string, PhoneDigits>();
  const ends = new EndsBehind(before);
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    // Every number the scanner reports starts with the trunk 0, "00", "+" or "(0…)".
    const startsNumber =
      code === 48 || ((code === 43 || code === 40) && isDigit(text.charCodeAt(i + 1)));
    if (!startsNumber || !isPhraseStart(text, i, ends)) {
      i++;
      continue;
    }
    const end = matchAt(text, i, cache);
    if (end === null) {
      i++;
      continue;
    }
    if (!followsJoinLabel(lower, i) && !isDialIn(lower, i, end)) {
      found.push(rawFinding("phone", i, end));
      ends.lastPhoneEnd = end;
    }
    i = end;
  }
  return found;
}

// Answers "does something found end at this offset?" for offsets that only grow, in O(1)
// amortised: a pointer walks the sorted identity findings once.
class EndsBehind {
  lastPhoneEnd = -1;
  private next = 0;

  constructor(private readonly findings: readonly RawFinding[]) {}

  has(offset: number): boolean {
    if (offset === this.lastPhoneEnd) return true;
    while ((this.findings[this.next]?.end ?? Infinity) < offset) this.next++;
    return this.findings[this.next]?.end === offset;
  }
}

function isPhraseStart(text: string, at: number, ends: EndsBehind): boolean {
  if (at === 0) return true;
  const prev = text.charCodeAt(at - 1);
  if (isBlank(prev) || prev === 45) {
    // Inside a number written in groups ("Mötes-ID: 346 012 345 678") unless the digit before
    // ends something already found.
    return !isDigit(text.charCodeAt(at - 2)) || ends.has(at - 1);
  }
  return canPrecede(text, at);
}

// "0830-0930": two clock times, not an 08 number.
function isTimeRange(groups: readonly Group[]): boolean {
  if (groups.length !== 2) return false;
  return groups.every(({ digits }) => {
    const value = Number(digits);
    return digits.length === 4 && value <= 2359 && value % 100 < 60;
  });
}

function matchAt(text: string, start: number, cache: Map<string, PhoneDigits>): number | null {
  const plus = text.charCodeAt(start) === 43;
  const groups = readGroups(text, plus ? start + 1 : start);
  if (groups.length === 0 || isTimeRange(groups)) return null;
  const prefixes: string[] = [];
  let digits = "";
  for (const group of groups) prefixes.push((digits += group.digits));
  // The longest reading that is a number wins: "070-174 06 05" rather than "070-174 06".
  for (let g = groups.length - 1; g >= 0; g--) {
    const candidate = prefixes[g] ?? "";
    if (candidate.length < MIN_DIGITS) break;
    const key = plus ? `+${candidate}` : candidate;
    let kind = cache.get(key);
    if (!kind) {
      kind = classifyPhoneDigits(candidate, plus);
      if (cache.size > 4096) cache.clear();
      cache.set(key, kind);
    }
    if (kind.scope === "foreign") return groups[g]?.end ?? null;
    if (kind.scope === "se")
      return isPersonalNumberType(kind.type) ? (groups[g]?.end ?? null) : null;
  }
  return null;
}
