/**
 * A small, tolerant HTML tokenizer for mail bodies. No DOM exists in classic Outlook's
 * JavaScript-only runtime, and a DOM would re-serialise the body anyway: we need exact source
 * offsets so everything outside our block stays byte-for-byte as it was.
 *
 * Linear time on any input: every scan moves forward, and an unterminated quoted attribute
 * switches the rest of the document to quote-blind tag ends instead of rescanning.
 */

export type Token =
  | { kind: "text"; start: number; end: number }
  | {
      kind: "open";
      name: string;
      start: number;
      end: number;
      /** Source range of the attributes, for `getAttribute`. */
      attrStart: number;
      attrEnd: number;
      selfClosing: boolean;
    }
  | { kind: "close"; name: string; start: number; end: number }
  /** Comments (Word's conditional comments too), `<!doctype>`, `<![if …]>`, `<?xml …?>`. */
  | { kind: "comment"; start: number; end: number }
  /** The unparsed content of script, style, title, textarea. */
  | { kind: "raw"; start: number; end: number };

const RAW_TEXT = new Set(["script", "style", "title", "textarea", "xmp"]);

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isNameChar(code: number): boolean {
  return (
    isAsciiLetter(code) ||
    (code >= 48 && code <= 57) ||
    code === 45 || // -
    code === 95 || // _
    code === 58 || // : (o:p, v:shape, w:WordDocument)
    code === 46 // .
  );
}

/** Side facts the tokenizer learns on the way. */
export interface TokenizeInfo {
  /**
   * Offset from which an unterminated construct (a tag whose quotes or ">" never close, a
   * comment or <style> that never ends) swallows the rest of the body, or -1. Anything appended
   * after it would be swallowed too, in a browser and here.
   */
  swallowFrom: number;
}

export function tokenize(html: string, info?: TokenizeInfo): Token[] {
  const tokens: Token[] = [];
  const swallow = (from: number): void => {
    if (info !== undefined && info.swallowFrom === -1) info.swallowFrom = from;
  };
  const n = html.length;
  let pos = 0;
  let textStart = 0;
  let quotesReliable = true;
  const rawCloseCache = new Map<string, RegExp>();

  const flushText = (end: number): void => {
    if (end > textStart) tokens.push({ kind: "text", start: textStart, end });
  };

  // End of a start tag: the first ">" outside quotes. If quotes never close, real browsers
  // would swallow the rest of the document; we fall back to the first ">" instead.
  // Native indexOf jumps instead of a character loop over long style="…" attributes. Every
  // search starts at or after the previous one, so each cached "next position" stays valid
  // until passed: the three caches together scan the body once.
  let nextDouble = -2;
  let nextSingle = -2;
  let nextGt = -2;
  const findTagEnd = (from: number): number => {
    if (quotesReliable) {
      let i = from;
      for (;;) {
        if (nextDouble !== -1 && nextDouble < i) nextDouble = html.indexOf('"', i);
        if (nextSingle !== -1 && nextSingle < i) nextSingle = html.indexOf("'", i);
        if (nextGt !== -1 && nextGt < i) nextGt = html.indexOf(">", i);
        if (nextGt === -1) break;
        const quoteAt =
          nextDouble === -1
            ? nextSingle
            : nextSingle === -1
              ? nextDouble
              : Math.min(nextDouble, nextSingle);
        if (quoteAt === -1 || nextGt < quoteAt) return nextGt;
        const quote = quoteAt === nextDouble ? '"' : "'";
        const close = html.indexOf(quote, quoteAt + 1);
        if (close === -1) break;
        i = close + 1;
      }
      quotesReliable = false;
    }
    return html.indexOf(">", from);
  };

  while (pos < n) {
    const lt = html.indexOf("<", pos);
    if (lt === -1) break;
    const next = html.charCodeAt(lt + 1);

    if (isAsciiLetter(next)) {
      let nameEnd = lt + 2;
      while (nameEnd < n && isNameChar(html.charCodeAt(nameEnd))) nameEnd++;
      const wasReliable = quotesReliable;
      const gt = findTagEnd(nameEnd);
      if (wasReliable && !quotesReliable) swallow(lt);
      if (gt === -1) {
        swallow(lt);
        break; // "<abc" with no ">" anywhere after: the rest is text
      }
      const name = html.slice(lt + 1, nameEnd).toLowerCase();
      const selfClosing = html.charCodeAt(gt - 1) === 47 && gt - 1 >= nameEnd;
      flushText(lt);
      tokens.push({
        kind: "open",
        name,
        start: lt,
        end: gt + 1,
        attrStart: nameEnd,
        attrEnd: selfClosing ? gt - 1 : gt,
        selfClosing,
      });
      pos = gt + 1;
      textStart = pos;
      if (RAW_TEXT.has(name) && !selfClosing) {
        let closer = rawCloseCache.get(name);
        if (closer === undefined) {
          closer = new RegExp(`</${name}`, "gi");
          rawCloseCache.set(name, closer);
        }
        closer.lastIndex = pos;
        const found = closer.exec(html);
        const rawEnd = found === null ? n : found.index;
        if (found === null) swallow(lt);
        if (rawEnd > pos) tokens.push({ kind: "raw", start: pos, end: rawEnd });
        pos = rawEnd;
        textStart = pos;
      }
      continue;
    }

    if (next === 47 /* / */ && isAsciiLetter(html.charCodeAt(lt + 2))) {
      let nameEnd = lt + 3;
      while (nameEnd < n && isNameChar(html.charCodeAt(nameEnd))) nameEnd++;
      const gt = html.indexOf(">", nameEnd);
      if (gt === -1) {
        swallow(lt);
        break;
      }
      flushText(lt);
      tokens.push({
        kind: "close",
        name: html.slice(lt + 2, nameEnd).toLowerCase(),
        start: lt,
        end: gt + 1,
      });
      pos = gt + 1;
      textStart = pos;
      continue;
    }

    if (next === 33 /* ! */ || next === 63 /* ? */ || next === 47 /* "</" + non-letter */) {
      let end: number;
      if (html.startsWith("<!--", lt)) {
        const close = html.indexOf("-->", lt + 4);
        end = close === -1 ? n : close + 3;
        if (close === -1) swallow(lt);
      } else {
        const gt = html.indexOf(">", lt + 2);
        end = gt === -1 ? n : gt + 1;
        if (gt === -1) swallow(lt);
      }
      flushText(lt);
      tokens.push({ kind: "comment", start: lt, end });
      pos = end;
      textStart = pos;
      continue;
    }

    pos = lt + 1; // a lone "<" is text
  }
  flushText(n);
  return tokens;
}

/**
 * The value of one attribute of an open tag (raw, entities not decoded), or null. Tolerates
 * unquoted values and odd spacing; names compare case-insensitively.
 */
export function getAttribute(html: string, token: Token, attribute: string): string | null {
  if (token.kind !== "open") return null;
  const wanted = attribute.toLowerCase();
  const end = token.attrEnd;
  let i = token.attrStart;
  while (i < end) {
    while (i < end && !isAttrNameStart(html.charCodeAt(i))) i++;
    const nameStart = i;
    while (i < end && isAttrNameChar(html.charCodeAt(i))) i++;
    const name = html.slice(nameStart, i).toLowerCase();
    while (i < end && isSpace(html.charCodeAt(i))) i++;
    let value = "";
    if (i < end && html.charCodeAt(i) === 61 /* = */) {
      i++;
      while (i < end && isSpace(html.charCodeAt(i))) i++;
      const quote = html.charCodeAt(i);
      if (quote === 34 || quote === 39) {
        let valueEnd = i + 1;
        while (valueEnd < end && html.charCodeAt(valueEnd) !== quote) valueEnd++;
        value = html.slice(i + 1, valueEnd);
        i = valueEnd + 1;
      } else {
        const valueStart = i;
        while (i < end && !isSpace(html.charCodeAt(i))) i++;
        value = html.slice(valueStart, i);
      }
    }
    if (name === wanted) return value;
    if (i === nameStart) i++; // never stall on a stray character
  }
  return null;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 12;
}

function isAttrNameStart(code: number): boolean {
  return !isSpace(code) && code !== 61 && code !== 47 && code !== 34 && code !== 39;
}

function isAttrNameChar(code: number): boolean {
  return isAttrNameStart(code) && code !== 62;
}
