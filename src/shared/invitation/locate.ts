import { type Doc, lineAtOrAfter, offsets, tagName, visibleIn } from "./document";
import { linesRange } from "./ranges";
import { BLOCK_ID_PREFIX, MAX_RULE_SPAN, bookingIdFromElementId, parseMarker } from "./markers";
import { getAttribute } from "../html";
import { urlsInText } from "./meeting-urls";
import { unwrapSafeLink } from "./urls";

/** One of our blocks in a body, with its exact source range. */
export interface LocatedBlock {
  /** Source offsets [start, end) of everything that belongs to the block. */
  start: number;
  end: number;
  /** Token range [a, b]. */
  a: number;
  b: number;
  bookingId: string | null;
  /** First link in the block, Safe Links unwrapped. */
  joinUrl: string | null;
  /** Inside a quoted earlier message (a reply/forward header or a blockquote precedes it). */
  quoted: boolean;
  /** Both marker lines were found. */
  complete: boolean;
}

function firstAnchorIn(doc: Doc, a: number, b: number): string | null {
  // anchors are in token order: binary search the first one at or after a.
  let lo = 0;
  let hi = doc.anchors.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((doc.anchors[mid]?.tok ?? 0) < a) lo = mid + 1;
    else hi = mid;
  }
  const anchor = doc.anchors[lo];
  return anchor !== undefined && anchor.tok <= b ? unwrapSafeLink(anchor.href) : null;
}

function isOurElement(doc: Doc, index: number): boolean {
  const token = doc.tokens[index];
  if (token === undefined || token.kind !== "open") return false;
  const id = getAttribute(doc.html, token, "id");
  return id !== null && id.toLowerCase().includes(BLOCK_ID_PREFIX);
}

/**
 * Indexes of open tags whose source contains `needle` (lower case), in order. Searching the
 * text first and mapping hits to tokens beats reading the attributes of every tag.
 */
function openTagsContaining(doc: Doc, needle: string): number[] {
  const lower = doc.lowerHtml();
  const result: number[] = [];
  let from = 0;
  for (;;) {
    const at = lower.indexOf(needle, from);
    if (at === -1) break;
    // The token that starts at or before `at` (binary search on start offsets).
    let lo = 0;
    let hi = doc.tokens.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((doc.tokens[mid]?.start ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    const token = doc.tokens[lo];
    if (token?.kind === "open" && at < token.end && result[result.length - 1] !== lo)
      result.push(lo);
    from = Math.max(
      at + needle.length,
      token !== undefined && token.kind === "open" ? token.end : 0,
    );
  }
  return result;
}

/** Whitespace text or a comment: nothing a reader sees. */
function isBlank(doc: Doc, tok: number): boolean {
  const token = doc.tokens[tok];
  if (token === undefined) return false;
  return token.kind === "comment" || (token.kind === "text" && visibleIn(doc, tok, tok) === 0);
}

/** A join link pasted as text (the block survived as plain lines without <a>). */
function firstUrlIn(doc: Doc, a: number, b: number): string | null {
  for (let i = Math.max(0, lineAtOrAfter(doc, a)); i < doc.lines.length; i++) {
    const line = doc.lines[i];
    if (line === undefined || line.startTok > b) break;
    const url = urlsInText(line.text).find((candidate) => candidate.startsWith("https://"));
    if (url !== undefined) return unwrapSafeLink(url);
  }
  return null;
}

/** Range of a start/end marker pair, our wrapper and an emptied wrapper shell included. */
function pairRange(doc: Doc, startLine: number, endLine: number): [number, number] {
  let [a, b] = linesRange(doc, startLine, endLine, (element) => isOurElement(doc, element));
  // A wrapper an editor emptied (`<p id="x_skyddat-…">` auto-closed by our first <p>) and its
  // orphaned end tag are ours too: leaving them would leave a stray shell on every update.
  let before = a - 1;
  while (before >= 0 && isBlank(doc, before)) before--;
  if (before >= 0 && isOurElement(doc, before) && (doc.last[before] as number) < a) {
    const name = tagName(doc, before);
    a = before;
    let next = b + 1;
    while (next < doc.tokens.length && isBlank(doc, next)) next++;
    const orphan = doc.tokens[next];
    if (orphan !== undefined && orphan.kind === "close" && orphan.name === name) {
      const owner = doc.parent[next] as number;
      if (owner === -1 || doc.last[owner] !== next || tagName(doc, owner) !== name) b = next;
    }
  }
  return [a, b];
}

const QUOTE_IDS = ["divrplyfwdmsg", "appendonsend"];
const SEPARATORS = [
  "original message",
  "ursprungligt meddelande",
  "originalmeddelande",
  "original appointment",
  "ursprunglig avtalad tid",
  "forwarded message",
  "vidarebefordrat meddelande",
];
// Apple Mail writes its forward header as a line of its own, usually inside <blockquote type=cite>.
const FORWARD_LINES = [
  "begin forwarded message:",
  "början på vidarebefordrat meddelande:",
  "vidarebefordrat brev:",
  "vidarebefordrat meddelande:",
];
// Gmail wraps quoted mail in <div class="gmail_quote">; some clients keep only an id.
const QUOTE_CLASSES = ["gmail_quote"];
const FROM = ["från:", "from:"];
const SENT = ["skickat:", "sent:", "datum:", "date:"];

function startsWithAny(text: string, prefixes: readonly string[]): boolean {
  return prefixes.some((prefix) => text.startsWith(prefix));
}

/** Grows a line upwards to the outermost element that starts with it (for inserting before it). */
function leadingStart(doc: Doc, tok: number): number {
  let a = tok;
  for (;;) {
    const p = doc.parent[a] as number;
    if (p === -1 || tagName(doc, p) === "body" || tagName(doc, p) === "html") return a;
    if (visibleIn(doc, p, a - 1) !== 0) return a;
    a = p;
  }
}

/**
 * Where quoted earlier mail begins (Outlook's reply/forward header), or -1. Our block found
 * after it belongs to the earlier message and is never touched unless it is this booking's.
 */
export function quoteBoundary(doc: Doc): { offset: number; tok: number } | null {
  let best = -1;
  for (const quoteId of QUOTE_IDS) {
    for (const index of openTagsContaining(doc, quoteId)) {
      const token = doc.tokens[index];
      if (token?.kind !== "open" || token.name !== "div") continue;
      const id = getAttribute(doc.html, token, "id")?.toLowerCase() ?? "";
      if (!id.includes(quoteId)) continue;
      if (best === -1 || index < best) best = index;
      break;
    }
  }
  for (const quoteClass of QUOTE_CLASSES) {
    for (const index of openTagsContaining(doc, quoteClass)) {
      const token = doc.tokens[index];
      if (token?.kind !== "open") continue;
      const names = `${getAttribute(doc.html, token, "class") ?? ""} ${getAttribute(doc.html, token, "id") ?? ""}`;
      if (!names.toLowerCase().includes(quoteClass)) continue;
      const tok = leadingStart(doc, index);
      if (best === -1 || tok < best) best = tok;
      break;
    }
  }
  // The first <blockquote>: quoted mail in Apple Mail, Gmail and Thunderbird bodies.
  const blockquote = doc.tokens.findIndex(
    (token) => token.kind === "open" && token.name === "blockquote",
  );
  if (blockquote !== -1) {
    const tok = leadingStart(doc, blockquote);
    if (best === -1 || tok < best) best = tok;
  }
  for (let i = 0; i < doc.lines.length; i++) {
    const line = doc.lines[i];
    if (line === undefined || (best !== -1 && line.startTok > best)) break;
    const text = line.text.toLowerCase();
    const separator =
      (text.startsWith("-----") && SEPARATORS.some((s) => text.includes(s))) ||
      startsWithAny(text, FORWARD_LINES);
    const header =
      startsWithAny(text, FROM) &&
      [1, 2, 3, 4].some((k) => startsWithAny(doc.lines[i + k]?.text.toLowerCase() ?? "", SENT));
    if (separator || header) {
      const tok = leadingStart(doc, line.startTok);
      if (best === -1 || tok < best) best = tok;
      break;
    }
  }
  if (best === -1) return null;
  return { offset: doc.tokens[best]?.start ?? 0, tok: best };
}

/** Per token: is it inside a <blockquote>? One forward pass (parents come before children). */
function blockquoteFlags(doc: Doc): Uint8Array {
  const flags = new Uint8Array(doc.tokens.length);
  for (let i = 0; i < doc.tokens.length; i++) {
    const p = doc.parent[i] as number;
    if (p !== -1 && (flags[p] === 1 || tagName(doc, p) === "blockquote")) flags[i] = 1;
  }
  return flags;
}

/**
 * Finds our blocks by three signals: the start/end marker lines (the end one carries the
 * booking id), the wrapper's id substring, and the join link inside. A marker pair is enough;
 * a wrapper without markers counts only when it still holds a link.
 */
// The send check locates the blocks of one Doc more than once (its state, the ranges the scan
// leaves out): the answer is kept with the Doc, which never changes.
const located = new WeakMap<Doc, readonly LocatedBlock[]>();

export function locateBlocks(doc: Doc): readonly LocatedBlock[] {
  let blocks = located.get(doc);
  if (blocks === undefined) {
    blocks = findBlocks(doc);
    located.set(doc, blocks);
  }
  return blocks;
}

function findBlocks(doc: Doc): LocatedBlock[] {
  const ranges: Array<{ a: number; b: number; bookingId: string | null; complete: boolean }> = [];
  let pendingStart = -1;
  let pendingRule = false;
  doc.lines.forEach((line, index) => {
    const marker = parseMarker(line.text);
    if (marker === null) return;
    if (marker.kind === "start") {
      pendingStart = index;
      pendingRule = marker.rule;
      return;
    }
    if (pendingStart === -1) return;
    // A rule is plain layout (Teams closes its block with one): far above the footer it is
    // someone else's, and pairing with it would take the user's lines in between as ours.
    if (pendingRule && index - pendingStart > MAX_RULE_SPAN) return;
    const [a, b] = pairRange(doc, pendingStart, index);
    ranges.push({ a, b, bookingId: marker.bookingId, complete: true });
    pendingStart = -1;
  });

  // Prefix counts of marker lines, so "does this element hold a marker" is O(log n).
  const markerPrefix = new Int32Array(doc.lines.length + 1);
  doc.lines.forEach((line, index) => {
    markerPrefix[index + 1] = (markerPrefix[index] as number) + (parseMarker(line.text) ? 1 : 0);
  });
  const hasMarkerLine = (a: number, b: number): boolean => {
    const from = lineAtOrAfter(doc, a);
    if (from === -1) return false;
    const to = lineAtOrAfter(doc, b + 1);
    return (
      (markerPrefix[to === -1 ? doc.lines.length : to] as number) > (markerPrefix[from] as number)
    );
  };
  // Pair ranges are in document order and disjoint: binary search for an overlap.
  const pairs = ranges.slice();
  const covered = (a: number, b: number): boolean => {
    let lo = 0;
    let hi = pairs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((pairs[mid]?.b ?? 0) < a) lo = mid + 1;
      else hi = mid;
    }
    const range = pairs[lo];
    return range !== undefined && range.a <= b;
  };
  let coveredUntil = -1;
  openTagsContaining(doc, BLOCK_ID_PREFIX).forEach((index) => {
    const token = doc.tokens[index];
    if (token === undefined || token.kind !== "open" || index <= coveredUntil) return;
    const id = getAttribute(doc.html, token, "id");
    if (id === null || !id.toLowerCase().includes(BLOCK_ID_PREFIX)) return;
    const end = doc.last[index] as number;
    if (covered(index, end)) return;
    if (firstAnchorIn(doc, index, end) === null && !hasMarkerLine(index, end)) return;
    ranges.push({ a: index, b: end, bookingId: bookingIdFromElementId(id), complete: false });
    coveredUntil = end;
  });

  ranges.sort((x, y) => x.a - y.a);
  const quote = ranges.length > 0 ? quoteBoundary(doc) : null;
  const inBlockquote = ranges.length > 0 ? blockquoteFlags(doc) : new Uint8Array(0);
  const blocks: LocatedBlock[] = [];
  let lastEnd = -1;
  for (const range of ranges) {
    if (range.a <= lastEnd) continue;
    lastEnd = range.b;
    const { start, end } = offsets(doc, range.a, range.b);
    let bookingId = range.bookingId;
    if (bookingId === null) {
      const wrapper = doc.tokens[range.a];
      const id = wrapper !== undefined ? getAttribute(doc.html, wrapper, "id") : null;
      bookingId = id === null ? null : bookingIdFromElementId(id);
    }
    blocks.push({
      start,
      end,
      a: range.a,
      b: range.b,
      bookingId,
      joinUrl: firstAnchorIn(doc, range.a, range.b) ?? firstUrlIn(doc, range.a, range.b),
      quoted: (quote !== null && range.a > quote.tok) || inBlockquote[range.a] === 1,
      complete: range.complete,
    });
  }
  return blocks;
}
