/**
 * The one HTML tokenizer of the shared core, after the WHATWG tokenizer (HTML § 13.2.5) for what a
 * mail body needs: tags with quoted and unquoted attributes, comments (`<!-->` and `--!>` too),
 * doctypes and bogus comments (`<![if !vml]>`, `<![CDATA[…]]>`, `<?xml …?>`), RAWTEXT and RCDATA
 * elements. No DOM exists in classic Outlook's JavaScript-only runtime, and a DOM would
 * re-serialise the body anyway: every token carries exact source offsets, so what lies outside
 * our block stays byte for byte as it was, and the tokens cover the input without gaps.
 *
 * Where a browser would swallow the rest of the body, this reader keeps it readable: a tag whose
 * quotes or ">" never close ends at its first ">" (and with none, "<" is text), and the place is
 * reported as `swallowFrom` so nothing is appended after it. A comment or raw-text element that
 * never ends runs to the end as in a browser, or, with `unclosed: "reread"`, its opener is read
 * as text and reading goes on after it (the scanner's choice: text no client should hide is
 * never hidden from it). Script data's escape states are not modelled: `</script` ends a script.
 *
 * Linear time on any input: every search moves forward and its answer is kept until passed.
 */
import { RAWTEXT_ELEMENTS, RCDATA_ELEMENTS } from "./elements";
import { ForwardSearch } from "./forward-search";

export type Token =
  | { kind: "text"; start: number; end: number }
  | {
      kind: "open";
      /** Lower-cased, as written otherwise (`o:p`, `v:shape`). */
      name: string;
      start: number;
      end: number;
      /** Source range of the attributes, for `getAttribute` and `attributes`. */
      attrStart: number;
      attrEnd: number;
      /** Written `<x/>`; HTML ignores it on all but void elements, Word's `<o:p/>` relies on it. */
      selfClosing: boolean;
    }
  | { kind: "close"; name: string; start: number; end: number }
  /** Comments (Word's conditional comments too), doctypes and bogus comments. */
  | { kind: "comment"; start: number; end: number; unclosed: boolean }
  /** The content of a raw-text element (script, style, title, textarea …). */
  | { kind: "raw"; start: number; end: number; rcdata: boolean; unclosed: boolean };

export interface TokenizeOptions {
  /** What a comment or raw-text element that never ends does; see above. Default "swallow". */
  unclosed?: "swallow" | "reread";
}

/** Side facts the tokenizer learns on the way. */
export interface TokenizeInfo {
  /**
   * Offset from which an unterminated construct (a tag whose quotes or ">" never close, a
   * comment or <style> that never ends) swallows the rest of the body in a browser, or -1.
   * Anything appended after it would be swallowed too.
   */
  swallowFrom: number;
  /** A comment or raw-text element never ends: "swallow" and "reread" read the body differently. */
  unclosed: boolean;
}

function isAsciiLetter(code: number): boolean {
  return (code | 0x20) >= 97 && (code | 0x20) <= 122;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 12 || code === 13;
}

/** Ends a tag name or an unquoted attribute value: white space, "/" (names only) or ">". */
function endsName(code: number): boolean {
  return isSpace(code) || code === 47 || code === 62;
}

const RAW_CLOSERS = new Map<string, RegExp>();

function rawCloser(name: string): RegExp {
  let closer = RAW_CLOSERS.get(name);
  if (closer === undefined) {
    // An appropriate end tag: the name, then white space, "/" or ">".
    closer = new RegExp(`</${name}(?=[\\t\\n\\f\\r />])`, "gi");
    RAW_CLOSERS.set(name, closer);
  }
  return closer;
}

export function tokenize(
  html: string,
  options: TokenizeOptions = {},
  info?: TokenizeInfo,
): Token[] {
  const reread = options.unclosed === "reread";
  const tokens: Token[] = [];
  const n = html.length;
  const search = new ForwardSearch(html);
  let swallowFrom = -1;
  let unclosed = false;
  const swallow = (from: number): void => {
    if (swallowFrom === -1) swallowFrom = from;
  };
  let pos = 0;
  let textStart = 0;
  const flushText = (end: number): void => {
    if (end > textStart) tokens.push({ kind: "text", start: textStart, end });
  };
  // Once a tag's quotes failed to close, tags end at their first ">" from there on: rescanning
  // each later tag to the end of the body would be quadratic.
  let quotesReliable = true;

  /**
   * The ">" that ends the tag whose attributes start at `from` (WHATWG's attribute states), or
   * -1 when the body ends first. Reports a self-closing "/>" in `selfClosing`.
   */
  let selfClosing = false;
  const tagEnd = (from: number): number => {
    selfClosing = false;
    let i = from;
    for (;;) {
      while (i < n && (isSpace(html.charCodeAt(i)) || html.charCodeAt(i) === 47)) {
        if (html.charCodeAt(i) === 47 && html.charCodeAt(i + 1) === 62) {
          selfClosing = true;
          return i + 1;
        }
        i++;
      }
      if (i >= n) return -1;
      if (html.charCodeAt(i) === 62) return i;
      // An attribute name: its first character may be anything ("=" included).
      i++;
      while (i < n && !endsName(html.charCodeAt(i)) && html.charCodeAt(i) !== 61) i++;
      while (i < n && isSpace(html.charCodeAt(i))) i++;
      if (html.charCodeAt(i) !== 61) continue;
      i++;
      while (i < n && isSpace(html.charCodeAt(i))) i++;
      const quote = html.charCodeAt(i);
      if (quote === 34 || quote === 39) {
        const close = search.indexOf(quote === 34 ? '"' : "'", i + 1);
        if (close === -1) return -1;
        i = close + 1;
      } else {
        while (i < n && !isSpace(html.charCodeAt(i)) && html.charCodeAt(i) !== 62) i++;
      }
    }
  };

  /** Reads a start or end tag at `lt` (a ">" follows somewhere). */
  const readTag = (lt: number, closing: boolean): void => {
    const nameStart = closing ? lt + 2 : lt + 1;
    let nameEnd = nameStart + 1;
    while (nameEnd < n && !endsName(html.charCodeAt(nameEnd))) nameEnd++;
    let gt = quotesReliable ? tagEnd(nameEnd) : -1;
    let selfClosed = gt !== -1 && selfClosing;
    if (gt === -1) {
      // Quotes that never close, or a quoted ">" with none after: the first ">" ends the tag.
      gt = search.indexOf(">", nameEnd);
      if (quotesReliable) swallow(lt);
      quotesReliable = false;
      selfClosed = html.charCodeAt(gt - 1) === 47 && gt - 1 >= nameEnd;
    }
    const name = html.slice(nameStart, Math.min(nameEnd, gt)).toLowerCase();
    flushText(lt);
    if (closing) {
      tokens.push({ kind: "close", name, start: lt, end: gt + 1 });
    } else {
      tokens.push({
        kind: "open",
        name,
        start: lt,
        end: gt + 1,
        attrStart: Math.min(nameEnd, gt),
        attrEnd: selfClosed ? gt - 1 : gt,
        selfClosing: selfClosed,
      });
    }
    textStart = pos = gt + 1;
    const rcdata = RCDATA_ELEMENTS.has(name);
    if (!closing && (rcdata || RAWTEXT_ELEMENTS.has(name))) readRaw(lt, name, rcdata);
  };

  // Where each raw-text element's next end tag is (-1: none), kept like the other searches.
  const rawEnds = new Map<string, number>();
  const rawEnd = (name: string): number => {
    const known = rawEnds.get(name);
    if (known !== undefined && (known === -1 || known >= pos)) return known;
    const closer = rawCloser(name);
    closer.lastIndex = pos;
    const found = closer.exec(html)?.index ?? -1;
    rawEnds.set(name, found);
    return found;
  };

  const readRaw = (lt: number, name: string, rcdata: boolean): void => {
    const found = rawEnd(name);
    if (found === -1) {
      swallow(lt);
      unclosed = true;
      if (reread) return; // the content is read as markup
    }
    const end = found === -1 ? n : found;
    if (end > pos) tokens.push({ kind: "raw", start: pos, end, rcdata, unclosed: found === -1 });
    textStart = pos = end;
  };

  /** `<!--` … : the comment's end, or -1 when it never ends. */
  const commentEnd = (lt: number): number => {
    const body = lt + 4;
    if (html.charCodeAt(body) === 62) return body + 1; // <!-->
    if (html.startsWith("->", body)) return body + 2; // <!--->
    const dashes = search.indexOf("-->", body);
    const bang = search.indexOf("--!>", body);
    if (dashes === -1) return bang === -1 ? -1 : bang + 4;
    return bang !== -1 && bang < dashes ? bang + 4 : dashes + 3;
  };

  const pushComment = (lt: number, end: number): void => {
    const open = end === -1;
    if (open) {
      swallow(lt);
      unclosed = true;
    }
    flushText(lt);
    tokens.push({ kind: "comment", start: lt, end: open ? n : end, unclosed: open });
    textStart = pos = open ? n : end;
  };

  while (pos < n) {
    const lt = html.indexOf("<", pos);
    if (lt === -1) break;
    const next = html.charCodeAt(lt + 1);
    pos = lt + 1; // unless markup is read below, "<" is text
    if (search.indexOf(">", lt) === -1) {
      // No ">" anywhere after: nothing but a comment can start here, the rest is text.
      if (html.startsWith("<!--", lt)) {
        if (reread) {
          unclosed = true;
          swallow(lt);
        } else pushComment(lt, -1);
      } else if (isAsciiLetter(next) || next === 47 || next === 33 || next === 63) swallow(lt);
      break;
    }
    if (isAsciiLetter(next)) {
      readTag(lt, false);
    } else if (next === 47 /* / */) {
      if (isAsciiLetter(html.charCodeAt(lt + 2))) readTag(lt, true);
      else if (html.charCodeAt(lt + 2) === 62)
        pushComment(lt, lt + 3); // "</>": nothing
      else {
        // "</ 1>", "</#>": a bogus comment up to ">"
        const gt = search.indexOf(">", lt + 2);
        pushComment(lt, gt === -1 ? -1 : gt + 1);
      }
    } else if (next === 33 /* ! */ && html.startsWith("<!--", lt)) {
      const end = commentEnd(lt);
      if (end === -1 && reread) {
        unclosed = true;
        swallow(lt);
        pos = lt + 4; // "<!--" is text
      } else pushComment(lt, end);
    } else if (next === 33 || next === 63 /* ? */) {
      // <!DOCTYPE …>, <![if …]>, <![CDATA[…]]> (a bogus comment outside SVG and MathML), <?xml?>
      const gt = search.indexOf(">", lt + 2);
      pushComment(lt, gt === -1 ? -1 : gt + 1);
    }
  }
  flushText(n);
  if (info !== undefined) {
    info.swallowFrom = swallowFrom;
    info.unclosed = unclosed;
  }
  return tokens;
}
