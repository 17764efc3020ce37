import { isAlnum, isWhitespace, type LowerText } from "./chars";

export interface UrlSpan {
  start: number;
  end: number;
  /** `sip` for SIP/H.323 video addresses, `web` for http(s) and www links. */
  scheme: "web" | "sip";
}

const PREFIXES: ReadonlyArray<readonly [string, UrlSpan["scheme"]]> = [
  ["https://", "web"],
  ["http://", "web"],
  ["www.", "web"],
  ["sips:", "sip"],
  ["sip:", "sip"],
  ["h323:", "sip"],
];

// Characters that end a link in running text: whitespace, markup and quotes.
function endsLink(code: number): boolean {
  return isWhitespace(code) || code === 60 || code === 62 || code === 34 || code === 0x200b;
}

// Punctuation after a link usually belongs to the sentence, not the link.
function isTrailingPunctuation(code: number): boolean {
  return ".,;:!?)]}'".includes(String.fromCharCode(code));
}

/** Links and video addresses in lower-cased text, left to right, each character read once. */
export function findUrlSpans(lower: LowerText): UrlSpan[] {
  const spans: UrlSpan[] = [];
  let i = 0;
  while (i < lower.length) {
    const code = lower.charCodeAt(i);
    // Every prefix starts with h, w or s; anything else cannot begin a link.
    if ((code !== 104 && code !== 119 && code !== 115) || isAlnum(lower.charCodeAt(i - 1))) {
      i++;
      continue;
    }
    const prefix = PREFIXES.find(([p]) => lower.startsWith(p, i));
    if (!prefix) {
      i++;
      continue;
    }
    let end = i + prefix[0].length;
    while (end < lower.length && !endsLink(lower.charCodeAt(end))) end++;
    while (end > i + prefix[0].length && isTrailingPunctuation(lower.charCodeAt(end - 1))) end--;
    spans.push({ start: i, end, scheme: prefix[1] });
    i = end + 1;
  }
  return spans;
}

/** The span containing `position`, by binary search over spans sorted by start. */
export function spanAt(spans: readonly UrlSpan[], position: number): UrlSpan | null {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = spans[mid];
    if (!span) break;
    if (position < span.start) hi = mid - 1;
    else if (position >= span.end) lo = mid + 1;
    else return span;
  }
  return null;
}
