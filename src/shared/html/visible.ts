// What a reader of a body sees, in source order, from one reading of it: runs of text (with
// their source range, references undecoded), line breaks and the space between table cells.
// The scanner's htmlToText builds its text from it and the pane's "Ta bort namnet" finds the
// scanner's words again in the HTML from it, so both see the same characters.
import { BLOCK_ELEMENTS, CELL_ELEMENTS, HIDDEN_ELEMENTS } from "./elements";
import { readBody } from "./read-body";
import type { Token } from "./tokenizer";

export interface VisitVisible {
  /** Text shown as written in source [start, end): decode it with `decodeCharRefs`. */
  text(start: number, end: number): void;
  /** A line break: `hard` for <br> (every one counts), else a block's edge. */
  lineBreak(hard: boolean): void;
  /** Between table cells. */
  cellSpace(): void;
}

/** Source ranges left out (sorted, not overlapping, on token boundaries): our invitation block. */
export interface SkipRange {
  start: number;
  end: number;
}

/**
 * Walks what a reader sees in `html`: tags, comments, <style>, <script>, <xml> and <template>
 * are not text; a comment or <style> that never ends is read as text, so nothing after it
 * escapes the scan (the reader's "reread" way).
 */
export function readVisible(
  html: string,
  visit: VisitVisible,
  skip: readonly SkipRange[] = [],
): void {
  const { tokens } = readBody(html, "reread");
  // For <xml> and <template>: the index of the next end tag of each, so each skip is one jump.
  const hiddenEnd = new Map<string, number>();
  let skipIndex = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    let range = skip[skipIndex];
    while (range !== undefined && range.end <= token.start) range = skip[++skipIndex];
    if (range !== undefined && token.start >= range.start) continue;
    if (token.kind === "text" || (token.kind === "raw" && token.rcdata)) {
      // Title and textarea are text; script and style are not.
      visit.text(token.start, token.end);
    } else if (token.kind === "open" || token.kind === "close") {
      if (token.kind === "open" && HIDDEN_ELEMENTS.has(token.name)) {
        const end = closeIndex(tokens, token.name, i, hiddenEnd);
        if (end !== -1) {
          i = end;
          continue;
        }
      }
      if (token.name === "br") visit.lineBreak(true);
      else if (BLOCK_ELEMENTS.has(token.name)) visit.lineBreak(false);
      else if (CELL_ELEMENTS.has(token.name)) visit.cellSpace();
    }
  }
}

/** The index of the first end tag `name` after `from`, or -1; answers kept in `known`. */
function closeIndex(
  tokens: readonly Token[],
  name: string,
  from: number,
  known: Map<string, number>,
): number {
  const cached = known.get(name);
  if (cached !== undefined && (cached === -1 || cached > from)) return cached;
  let found = -1;
  for (let k = from + 1; k < tokens.length; k++) {
    const token = tokens[k] as Token;
    if (token.kind === "close" && token.name === name) {
      found = k;
      break;
    }
  }
  known.set(name, found);
  return found;
}
