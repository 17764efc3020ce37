import { decodeCharRefs } from "../html";
import { readVisible, type SkipRange } from "../html/visible";
import { TextBuilder } from "./text-builder";

export type { SkipRange };

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
  const out = new TextBuilder();
  readVisible(
    html,
    {
      text: (start, end) => out.text(decodeCharRefs(html.slice(start, end))),
      lineBreak: (hard) => out.lineBreak(hard),
      cellSpace: () => out.text(" "),
    },
    skip,
  );
  return out.toString();
}
