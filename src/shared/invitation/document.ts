import {
  BLOCK_ELEMENTS,
  CELL_ELEMENTS,
  VOID_ELEMENTS,
  decodeCharRefs,
  getAttribute,
  type Token,
} from "../html";
import { readBody } from "../html/read-body";
import { countVisible, normalizeText } from "./text";

/** What starts a new visual line for the block engine: blocks, table cells and <br>. */
function breaksLine(name: string): boolean {
  return BLOCK_ELEMENTS.has(name) || CELL_ELEMENTS.has(name) || name === "br";
}

/** One visual line of the body: what a reader sees between two line breaks. */
export interface Line {
  /** Normalised visible text (see `normalizeText`). */
  text: string;
  /** First and last token of the line, inline tags included, break tags excluded. */
  startTok: number;
  endTok: number;
}

export interface Anchor {
  tok: number;
  /** The href with entities decoded (Safe Links not unwrapped). */
  href: string;
}

/**
 * A body parsed once for all questions: tokens, a tolerant element tree (as parent / last-token
 * arrays, so climbing is cheap), visible-character prefix sums, lines and links.
 */
export interface Doc {
  html: string;
  tokens: readonly Token[];
  /** Enclosing element (index of its open token) of each token, -1 at top level. */
  parent: Int32Array;
  /** For an open token: the index of the element's last token (its close tag if any). */
  last: Int32Array;
  /** vis[k] = visible characters in tokens [0, k). */
  vis: Int32Array;
  lines: Line[];
  anchors: Anchor[];
  /** See `TokenizeInfo.swallowFrom`. */
  swallowFrom: number;
  /** The body in lower case, computed on first use. */
  lowerHtml(): string;
}

// The send check asks about the same body several times (its block's state, the ranges to leave
// out of the scan): the last body's Doc is kept, as its tokens are (../html/read-body.ts). A Doc
// is never changed after it is built.
let lastDoc: Doc | undefined;

export function parseDocument(html: string): Doc {
  if (lastDoc !== undefined && lastDoc.html === html) return lastDoc;
  lastDoc = buildDocument(html);
  return lastDoc;
}

function buildDocument(html: string): Doc {
  const { tokens, swallowFrom } = readBody(html);
  const count = tokens.length;
  const parent = new Int32Array(count).fill(-1);
  const last = new Int32Array(count);
  const vis = new Int32Array(count + 1);
  const stack: number[] = [];
  const openCount = new Map<string, number>();
  const lines: Line[] = [];
  const anchors: Anchor[] = [];

  let lineText = "";
  let lineStart = -1;
  let lineEnd = -1;
  let inHead = false;

  const nameOf = (index: number): string => {
    const token = tokens[index];
    return token !== undefined && token.kind === "open" ? token.name : "";
  };
  const pop = (endIndex: number): void => {
    const top = stack.pop();
    if (top === undefined) return;
    last[top] = endIndex;
    const name = nameOf(top);
    openCount.set(name, (openCount.get(name) ?? 1) - 1);
  };
  const flushLine = (): void => {
    if (lineStart !== -1) {
      const text = normalizeText(lineText);
      if (text !== "") lines.push({ text, startTok: lineStart, endTok: lineEnd });
    }
    lineText = "";
    lineStart = -1;
    lineEnd = -1;
  };

  for (let i = 0; i < count; i++) {
    const token = tokens[i] as Token;
    last[i] = i;
    let visible = 0;
    if (token.kind === "open") {
      // HTML closes an open <p> or <li> when the next one starts; Outlook bodies rely on it rarely,
      // but a tree that nests them would make a lone paragraph look like a container.
      if (
        (token.name === "p" || token.name === "li") &&
        nameOf(stack[stack.length - 1] ?? -1) === token.name
      ) {
        pop(i - 1);
      }
      parent[i] = stack[stack.length - 1] ?? -1;
      if (token.name === "head") inHead = true;
      if (token.name === "body") inHead = false;
      if (token.name === "img") visible = 1;
      if (token.name === "a") {
        const href = getAttribute(html, token, "href");
        if (href !== null) anchors.push({ tok: i, href: decodeCharRefs(href.trim(), true) });
      }
      if (breaksLine(token.name)) flushLine();
      else if (!inHead) {
        if (lineStart === -1) lineStart = i;
        lineEnd = i;
      }
      if (!token.selfClosing && !VOID_ELEMENTS.has(token.name)) {
        stack.push(i);
        openCount.set(token.name, (openCount.get(token.name) ?? 0) + 1);
      }
    } else if (token.kind === "close") {
      if (token.name === "head") inHead = false;
      if ((openCount.get(token.name) ?? 0) > 0) {
        // Close everything opened inside the matching element (tolerates missing end tags).
        while (stack.length > 0) {
          const top = stack[stack.length - 1] as number;
          const matched = nameOf(top) === token.name;
          if (matched) parent[i] = top;
          pop(matched ? i : i - 1);
          if (matched) break;
        }
      } else {
        parent[i] = stack[stack.length - 1] ?? -1;
      }
      if (breaksLine(token.name)) flushLine();
      else if (!inHead && lineStart !== -1) lineEnd = i;
    } else {
      parent[i] = stack[stack.length - 1] ?? -1;
      if (token.kind === "text" && !inHead) {
        const text = decodeCharRefs(html.slice(token.start, token.end));
        visible = countVisible(text);
        lineText += text;
        if (lineStart === -1) lineStart = i;
        lineEnd = i;
      } else if (lineStart !== -1) {
        lineEnd = i;
      }
    }
    vis[i + 1] = (vis[i] as number) + visible;
  }
  while (stack.length > 0) pop(count - 1);
  flushLine();
  let lower: string | undefined;
  const lowerHtml = (): string => (lower ??= html.toLowerCase());
  return {
    html,
    tokens,
    parent,
    last,
    vis,
    lines,
    anchors,
    swallowFrom,
    lowerHtml,
  };
}

/** Visible characters in the token range [a, b] (inclusive). */
export function visibleIn(doc: Doc, a: number, b: number): number {
  return (doc.vis[b + 1] as number) - (doc.vis[a] as number);
}

/** The innermost element that strictly encloses the token range [a, b], or -1. */
export function enclosing(doc: Doc, a: number, b: number): number {
  let p = doc.parent[a] as number;
  while (p !== -1 && (doc.last[p] as number) < b) p = doc.parent[p] as number;
  return p;
}

export function tagName(doc: Doc, index: number): string {
  const token = doc.tokens[index];
  return token !== undefined && (token.kind === "open" || token.kind === "close") ? token.name : "";
}

const NEVER_CLIMB = new Set(["body", "html"]);

/**
 * Grows the token range [a, b] to the outermost enclosing element that shows nothing but it,
 * so a line's `<p><span>…</span></p>` goes as a whole and no empty shell is left behind.
 */
export function climb(doc: Doc, a: number, b: number): [number, number] {
  const inside = visibleIn(doc, a, b);
  for (;;) {
    const p = enclosing(doc, a, b);
    if (p === -1 || NEVER_CLIMB.has(tagName(doc, p))) return [a, b];
    const end = doc.last[p] as number;
    if (visibleIn(doc, p, end) !== inside) return [a, b];
    a = p;
    b = end;
  }
}

/** Source offsets of a token range. */
export function offsets(doc: Doc, a: number, b: number): { start: number; end: number } {
  return { start: (doc.tokens[a] as Token).start, end: (doc.tokens[b] as Token).end };
}

/** Index of the first line whose last token is at or after `tok` (binary search), or -1. */
export function lineAtOrAfter(doc: Doc, tok: number): number {
  let lo = 0;
  let hi = doc.lines.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((doc.lines[mid] as Line).endTok >= tok) {
      found = mid;
      hi = mid - 1;
    } else {
      lo = mid + 1;
    }
  }
  return found;
}
