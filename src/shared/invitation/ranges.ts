import { type Doc, climb, enclosing, tagName, visibleIn } from "./document";

/** The ancestor of `tok` that is a direct child of `container` (or `tok` itself). */
function childOf(doc: Doc, tok: number, container: number): number {
  let x = tok;
  while (x !== -1 && doc.parent[x] !== container) x = doc.parent[x] as number;
  return x === -1 ? tok : x;
}

/**
 * The token range covering lines `startLine`..`endLine`: grown to whole elements where that
 * adds nothing visible, and into enclosing elements that `mayWrap` allows and that show nothing
 * else. Never includes visible text outside those lines.
 */
export function linesRange(
  doc: Doc,
  startLine: number,
  endLine: number,
  mayWrap: (element: number) => boolean,
): [number, number] {
  const s = doc.lines[startLine];
  const e = doc.lines[endLine];
  if (s === undefined || e === undefined) throw new Error("line out of range");
  const [sa] = climb(doc, s.startTok, s.endTok);
  const [, eb] = climb(doc, e.startTok, e.endTok);
  let container = enclosing(doc, sa, eb);
  let a = sa;
  let b = eb;
  const x = childOf(doc, sa, container);
  if (x !== sa && visibleIn(doc, x, sa - 1) === 0) a = x;
  const y = childOf(doc, eb, container);
  if (y !== eb && visibleIn(doc, eb + 1, doc.last[y] as number) === 0) b = doc.last[y] as number;
  const inside = visibleIn(doc, a, b);
  while (container !== -1 && mayWrap(container)) {
    const end = doc.last[container] as number;
    if (visibleIn(doc, container, end) !== inside) break;
    a = container;
    b = end;
    container = doc.parent[container] as number;
  }
  // Lines separated by <br> (no element of their own): take the break that ended the last line.
  const after = doc.tokens[b + 1];
  if (after?.kind === "open" && after.name === "br" && doc.tokens[b]?.kind !== "close") {
    if (tagName(doc, b) !== "br") b += 1;
  }
  return [a, b];
}
