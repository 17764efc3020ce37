import {
  CELL_ELEMENTS,
  BLOCK_ELEMENTS,
  HIDDEN_ELEMENTS,
  decodeCharRefs,
  type Token,
} from "../html";
import { readBody } from "../html/read-body";
import { TextBuilder } from "./text-builder";

/** Where in the body the text is not wanted (our invitation block): source offsets [start, end). */
export interface SkipRange {
  start: number;
  end: number;
}

/**
 * The text a reader sees in an HTML body, for scanning: tags, comments (Word's conditional
 * comments included), <style>, <script>, <xml> and <template> are removed, character references
 * decoded, block elements and <br> become line breaks, table cells a space, and runs of white
 * space one space. The body is read by the shared HTML reader (src/shared/html), so the scanner
 * sees the text the invitation block engine sees.
 *
 * Where the HTML is broken the text is kept rather than hidden: a comment or <style> that never
 * ends, or a "<" with no ">" after it, is read as text, so nothing after it escapes the scan.
 *
 * `skip`: source ranges left out (sorted, not overlapping, on token boundaries), so the text
 * outside our block comes from the same reading of the body as the text of all of it.
 */
export function htmlToText(html: string, skip: readonly SkipRange[] = []): string {
  const { tokens } = readBody(html, "reread");
  const out = new TextBuilder();
  // For <xml> and <template>: the index of the next end tag of each, so each skip is one jump.
  const hiddenEnd = new Map<string, number>();
  let skipIndex = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    let range = skip[skipIndex];
    while (range !== undefined && range.end <= token.start) range = skip[++skipIndex];
    if (range !== undefined && token.start >= range.start) continue;
    switch (token.kind) {
      case "text":
        out.text(decodeCharRefs(html.slice(token.start, token.end)));
        break;
      case "raw":
        // Title and textarea are text; script and style are not.
        if (token.rcdata) out.text(decodeCharRefs(html.slice(token.start, token.end)));
        break;
      case "open":
      case "close":
        if (token.kind === "open" && HIDDEN_ELEMENTS.has(token.name)) {
          const end = closeIndex(tokens, token.name, i, hiddenEnd);
          if (end !== -1) {
            i = end;
            break;
          }
        }
        if (token.name === "br") out.lineBreak(true);
        else if (BLOCK_ELEMENTS.has(token.name)) out.lineBreak(false);
        else if (CELL_ELEMENTS.has(token.name)) out.text(" ");
        break;
      case "comment":
        break;
    }
  }
  return out.toString();
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
