import { lowerSameLength } from "./chars";
import { decodeEntity } from "./html-entities";
import { ForwardSearch } from "./forward-search";
import { TextBuilder } from "./text-builder";

// Elements whose start and end break the line, as a reader of the rendered body sees it.
const BLOCKS = new Set(
  (
    "address article aside blockquote body caption center dd details dialog div dl dt fieldset " +
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre " +
    "section summary table tbody tfoot thead tr ul"
  ).split(" "),
);
const CELLS = new Set(["td", "th"]);
// Elements whose content is never shown. Word puts its <xml> document properties (author …)
// inside conditional comments, but a stray one outside is skipped the same way.
const RAW = new Set(["script", "style", "xml", "template"]);

function tagNameEnd(html: string, at: number): number {
  let i = at;
  while (i < html.length) {
    const code = html.charCodeAt(i);
    const nameChar =
      (code >= 97 && code <= 122) ||
      (code >= 65 && code <= 90) ||
      (code >= 48 && code <= 57) ||
      code === 58 ||
      code === 45;
    if (!nameChar) break;
    i++;
  }
  return i;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

/**
 * The text a reader sees in an HTML body, for scanning: tags, comments (Word's conditional
 * comments included), <style>, <script> and <xml> are removed, entities (named and numeric)
 * decoded, block elements and <br> become line breaks and runs of white space one space.
 * One pass with forward-only searches, so linear in the length of the input.
 *
 * Where the HTML is broken the text is kept rather than hidden: an unterminated comment or
 * <style>, or a "<" with no ">" after it, is read as text, so nothing after it escapes the scan.
 */
export function htmlToText(html: string): string {
  const out = new TextBuilder();
  const search = new ForwardSearch(html);
  let lowerSearch: ForwardSearch | null = null;
  const lower = () => (lowerSearch ??= new ForwardSearch(lowerSameLength(html)));
  // Text runs from `textStart`; a "<" or "&" that turns out to be literal stays in the run, so
  // 1 MB of "<" is one slice, not a million.
  let textStart = 0;
  let i = 0;
  while (i < html.length) {
    const lt = search.indexOf("<", i);
    const amp = search.indexOf("&", i);
    const stop = Math.min(lt === -1 ? html.length : lt, amp === -1 ? html.length : amp);
    if (stop >= html.length) break;
    if (stop === amp) {
      const entity = decodeEntity(html, amp);
      if (!entity) {
        i = amp + 1;
        continue;
      }
      out.text(html.slice(textStart, amp));
      out.text(entity.text);
      i = textStart = entity.end;
      continue;
    }
    const result = markup(html, lt, search, lower);
    if (result.effect === "literal") {
      i = result.end;
      continue;
    }
    out.text(html.slice(textStart, lt));
    if (result.effect === "hard-break") out.lineBreak(true);
    else if (result.effect === "break") out.lineBreak(false);
    else if (result.effect === "space") out.text(" ");
    i = textStart = result.end;
  }
  out.text(html.slice(textStart));
  return out.toString();
}

interface Markup {
  /** Where the text continues. */
  end: number;
  /** `literal`: not markup after all, the characters are text. */
  effect: "literal" | "none" | "break" | "hard-break" | "space";
}

// Reads the markup at `lt`.
function markup(
  html: string,
  lt: number,
  search: ForwardSearch,
  lower: () => ForwardSearch,
): Markup {
  const next = html.charCodeAt(lt + 1);
  if (html.startsWith("<!--", lt)) {
    if (html.startsWith("<!-->", lt)) return { end: lt + 5, effect: "none" };
    if (html.startsWith("<!--->", lt)) return { end: lt + 6, effect: "none" };
    const close = search.indexOf("-->", lt + 4);
    return close === -1 ? { end: lt + 4, effect: "literal" } : { end: close + 3, effect: "none" };
  }
  const closesTag = next === 47 && isAsciiLetter(html.charCodeAt(lt + 2));
  if (!(isAsciiLetter(next) || closesTag || next === 33 || next === 63)) {
    return { end: lt + 1, effect: "literal" };
  }
  const gt = search.indexOf(">", lt + 1);
  if (gt === -1) return { end: lt + 1, effect: "literal" };
  // <!DOCTYPE>, <![if !vml]>, <![endif]>, <?xml ?>
  if (next === 33 || next === 63) return { end: gt + 1, effect: "none" };
  const nameStart = closesTag ? lt + 2 : lt + 1;
  const name = html.slice(nameStart, tagNameEnd(html, nameStart)).toLowerCase();
  if (!closesTag && RAW.has(name)) {
    const close = lower().indexOf(`</${name}`, gt + 1);
    if (close === -1) return { end: gt + 1, effect: "none" };
    const closeGt = search.indexOf(">", close);
    return { end: closeGt === -1 ? html.length : closeGt + 1, effect: "none" };
  }
  if (name === "br") return { end: gt + 1, effect: "hard-break" };
  if (BLOCKS.has(name)) return { end: gt + 1, effect: "break" };
  return { end: gt + 1, effect: CELLS.has(name) ? "space" : "none" };
}
