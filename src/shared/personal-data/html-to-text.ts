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
  const result: Markup = { end: 0, effect: "none" };
  let textStart = 0;
  let i = 0;
  while (i < html.length) {
    const code = html.charCodeAt(i);
    if (code === 38) {
      const entity = decodeEntity(html, i);
      if (entity) {
        out.text(html.slice(textStart, i));
        out.text(entity.text);
        i = textStart = entity.end;
      } else i++;
      continue;
    }
    if (code !== 60) {
      i++;
      continue;
    }
    markup(html, i, search, lower, result);
    if (result.effect === "literal") {
      i = result.end;
      continue;
    }
    out.text(html.slice(textStart, i));
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

function done(result: Markup, end: number, effect: Markup["effect"]): void {
  result.end = end;
  result.effect = effect;
}

// Reads the markup at `lt` into `result` (one object for the whole body: a million "<" must not
// make a million objects).
function markup(
  html: string,
  lt: number,
  search: ForwardSearch,
  lower: () => ForwardSearch,
  result: Markup,
): void {
  const next = html.charCodeAt(lt + 1);
  if (next === 33 && html.startsWith("<!--", lt)) {
    if (html.startsWith("<!-->", lt)) return done(result, lt + 5, "none");
    if (html.startsWith("<!--->", lt)) return done(result, lt + 6, "none");
    const close = search.indexOf("-->", lt + 4);
    return close === -1 ? done(result, lt + 4, "literal") : done(result, close + 3, "none");
  }
  const closesTag = next === 47 && isAsciiLetter(html.charCodeAt(lt + 2));
  if (!(isAsciiLetter(next) || closesTag || next === 33 || next === 63)) {
    return done(result, lt + 1, "literal");
  }
  const gt = search.indexOf(">", lt + 1);
  if (gt === -1) return done(result, lt + 1, "literal");
  // <!DOCTYPE>, <![if !vml]>, <![endif]>, <?xml ?>
  if (next === 33 || next === 63) return done(result, gt + 1, "none");
  const nameStart = closesTag ? lt + 2 : lt + 1;
  const name = html.slice(nameStart, tagNameEnd(html, nameStart)).toLowerCase();
  if (!closesTag && RAW.has(name)) {
    const close = lower().indexOf(`</${name}`, gt + 1);
    if (close === -1) return done(result, gt + 1, "none");
    const closeGt = search.indexOf(">", close);
    return done(result, closeGt === -1 ? html.length : closeGt + 1, "none");
  }
  if (name === "br") return done(result, gt + 1, "hard-break");
  if (BLOCKS.has(name)) return done(result, gt + 1, "break");
  return done(result, gt + 1, CELLS.has(name) ? "space" : "none");
}
