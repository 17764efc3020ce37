// The attributes of a start tag, read by the WHATWG attribute states as the tokenizer found the
// tag's end. Values come back as written (character references not decoded: `decodeCharRefs(v,
// true)` does that), so a caller that rewrites a tag can keep the rest byte for byte.
import type { Token } from "./tokenizer";

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 12 || code === 13;
}

/** One attribute; `value` is null for a bare one (`<td nowrap>`). */
export interface Attribute {
  name: string;
  value: string | null;
}

/**
 * Calls `visit` for each attribute of the source range [start, end) in order; stops when it
 * returns true. Names are lower-cased.
 */
function eachAttribute(
  html: string,
  start: number,
  end: number,
  visit: (name: string, value: string | null) => boolean,
): void {
  let i = start;
  for (;;) {
    while (i < end && (isSpace(html.charCodeAt(i)) || html.charCodeAt(i) === 47)) i++;
    if (i >= end) return;
    const nameStart = i;
    i++; // the first character of a name may be anything, "=" included
    while (i < end) {
      const c = html.charCodeAt(i);
      if (isSpace(c) || c === 47 || c === 61) break;
      i++;
    }
    const name = html.slice(nameStart, i).toLowerCase();
    let j = i;
    while (j < end && isSpace(html.charCodeAt(j))) j++;
    let value: string | null = null;
    if (j < end && html.charCodeAt(j) === 61) {
      j++;
      while (j < end && isSpace(html.charCodeAt(j))) j++;
      const quote = html.charCodeAt(j);
      if (quote === 34 || quote === 39) {
        let close = html.indexOf(quote === 34 ? '"' : "'", j + 1);
        // A quote that never closes (the tokenizer then ended the tag at its first ">").
        if (close === -1 || close > end) close = end;
        value = html.slice(j + 1, close);
        i = close + 1;
      } else {
        const valueStart = j;
        while (j < end && !isSpace(html.charCodeAt(j))) j++;
        value = html.slice(valueStart, j);
        i = j;
      }
    }
    if (visit(name, value)) return;
  }
}

/** The attributes of an open tag in source order, the first of each name only (as browsers). */
export function attributes(html: string, token: Token): Attribute[] {
  const out: Attribute[] = [];
  if (token.kind !== "open") return out;
  const seen = new Set<string>();
  eachAttribute(html, token.attrStart, token.attrEnd, (name, value) => {
    if (!seen.has(name)) out.push({ name, value });
    seen.add(name);
    return false;
  });
  return out;
}

/**
 * The value of one attribute of an open tag as written (references not decoded), "" for a bare
 * one, or null when the tag does not have it. Names compare case-insensitively.
 */
export function getAttribute(html: string, token: Token, attribute: string): string | null {
  if (token.kind !== "open") return null;
  const wanted = attribute.toLowerCase();
  let found: string | null = null;
  eachAttribute(html, token.attrStart, token.attrEnd, (name, value) => {
    if (name !== wanted) return false;
    found = value ?? "";
    return true;
  });
  return found;
}
