import { isAlnum, isWhitespace } from "./chars";

export interface UrlSpan {
  start: number;
  end: number;
  /** `sip` for SIP/H.323 video addresses, `web` for http(s) and www links. */
  scheme: "web" | "sip";
}

// Characters that end a link in running text: whitespace, markup and quotes.
function endsLink(code: number): boolean {
  return isWhitespace(code) || code === 60 || code === 62 || code === 34 || code === 0x200b;
}

// Punctuation after a link usually belongs to the sentence, not the link.
function isTrailingPunctuation(code: number): boolean {
  return ".,;:!?)]}'".includes(String.fromCharCode(code));
}

// Fixed alternatives of at most eight characters: the engine scans for them natively and
// cannot backtrack beyond one alternative.
const PREFIX = /https?:\/\/|www\.|sips?:|h323:/gi;

/** Links and video addresses in (normalised) text, left to right, each character read once. */
export function findUrlSpans(text: string): UrlSpan[] {
  const spans: UrlSpan[] = [];
  PREFIX.lastIndex = 0;
  for (let m = PREFIX.exec(text); m !== null; m = PREFIX.exec(text)) {
    const start = m.index;
    if (isAlnum(text.charCodeAt(start - 1))) continue;
    const prefix = m[0];
    const scheme = /^(?:sip|h323)/i.test(prefix) ? "sip" : "web";
    let end = start + prefix.length;
    while (end < text.length && !endsLink(text.charCodeAt(end))) end++;
    while (end > start + prefix.length && isTrailingPunctuation(text.charCodeAt(end - 1))) end--;
    spans.push({ start, end, scheme });
    PREFIX.lastIndex = end;
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
