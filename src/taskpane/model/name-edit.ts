// "Ta bort namnet": replaces a name the scanner found with initials or nothing. The scanner
// reports a body finding as offsets into htmlToText(body without our block); Outlook only takes a
// whole HTML body back. So the name is found again, as the same occurrence of the same words, in
// the HTML's text nodes, and only those characters change: tags, attributes, comments, <style>,
// our invitation block and every other character of the body stay byte for byte.
import { readCharRef } from "../../shared/html";
import { readVisible } from "../../shared/html/visible";
import { locateBlocks } from "../../shared/invitation/locate";
import { parseDocument } from "../../shared/invitation/document";

export type NameReplacement = "initials" | "remove";

/** Runs of white space (any kind, nbsp included) compare as one space: the scanner collapses them. */
export function normalizeName(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** "Karin Holm" → "K.H.", "Britt-Marie Lund" → "B-M.L.", "Holm, Karin" → "H.K." */
export function initialsOf(name: string): string {
  return normalizeName(name)
    .split(" ")
    .map((word) =>
      word
        .split("-")
        .map((part) => Array.from(part.replace(/[^\p{L}]/gu, ""))[0]?.toUpperCase() ?? "")
        .filter((letter) => letter !== "")
        .join("-"),
    )
    .filter((initial) => initial !== "")
    .map((initial) => `${initial}.`)
    .join("");
}

function replacementFor(match: string, mode: NameReplacement): string {
  return mode === "initials" ? initialsOf(match) : "";
}

/** How many times `match` occurs (white space normalised) in `text` before `start`. */
export function occurrenceBefore(text: string, start: number, match: string): number {
  const needle = normalizeName(match);
  if (needle === "") return 0;
  const before = text.slice(0, start).replace(/\s+/g, " ");
  let count = 0;
  let at = before.indexOf(needle);
  while (at !== -1) {
    count++;
    at = before.indexOf(needle, at + needle.length);
  }
  return count;
}

/** Replaces the `occurrence`-th `match` in a plain-text field (Subject, Location). */
export function replaceNameInText(
  text: string,
  match: string,
  occurrence: number,
  mode: NameReplacement,
): string | null {
  const chars = Array.from(text, (ch, i) => ({ ch, start: i, end: i + 1 }));
  // Array.from splits by code point; offsets must stay UTF-16.
  let offset = 0;
  for (const c of chars) {
    c.start = offset;
    offset += c.ch.length;
    c.end = offset;
  }
  const visible = collapse(chars);
  const range = findOccurrence(visible, match, occurrence);
  if (!range) return null;
  const edits = editsFor(visible, range, replacementFor(match, mode));
  return applyEdits(text, edits);
}

/**
 * Replaces the `occurrence`-th `match` in the body's text outside our invitation block, or null
 * when it is no longer there (the user changed the text meanwhile).
 */
export function replaceNameInHtml(
  html: string,
  match: string,
  occurrence: number,
  mode: NameReplacement,
): string | null {
  const visible = collapse(visibleChars(html));
  const range = findOccurrence(visible, match, occurrence);
  if (!range) return null;
  return applyEdits(html, editsFor(visible, range, escapeText(replacementFor(match, mode))));
}

/** One visible character and the HTML it came from; a block boundary has no source (-1). */
interface Visible {
  ch: string;
  start: number;
  end: number;
}

/**
 * The characters of the body as the scanner reads them (the shared reader's visible text, as
 * htmlToText reads it), each with its place in the HTML. Our live invitation blocks are left
 * out, as the scanner left them out, so nothing inside them can be edited.
 */
function visibleChars(html: string): Visible[] {
  const blocks = locateBlocks(parseDocument(html))
    .filter((block) => !block.quoted)
    .map((block) => ({ start: block.start, end: block.end }))
    .sort((x, y) => x.start - y.start);
  const out: Visible[] = [];
  const separator = () => out.push({ ch: " ", start: -1, end: -1 });
  readVisible(
    html,
    {
      text(start, end) {
        let i = start;
        while (i < end) {
          // A reference never runs past its text: a run ends at a "<", which no reference takes.
          const entity = html.charCodeAt(i) === 38 ? readCharRef(html, i) : null;
          if (entity) {
            for (const ch of entity.text) out.push({ ch, start: i, end: entity.end });
            i = entity.end;
            continue;
          }
          out.push({ ch: html[i] ?? "", start: i, end: i + 1 });
          i++;
        }
      },
      lineBreak: separator,
      cellSpace: separator,
    },
    blocks,
  );
  return out;
}

/** Runs of white space become one space whose source covers the whole run. */
function collapse(chars: Visible[]): Visible[] {
  const out: Visible[] = [];
  for (const c of chars) {
    const space = /\s/.test(c.ch);
    const last = out[out.length - 1];
    if (space && last && last.ch === " ") {
      // Extend the kept space over this one when they are neighbours in the source.
      if (c.start !== -1 && last.start !== -1 && last.end === c.start) last.end = c.end;
      else if (last.start === -1 && c.start !== -1) Object.assign(last, c, { ch: " " });
      continue;
    }
    out.push(space ? { ...c, ch: " " } : { ...c });
  }
  return out;
}

function findOccurrence(
  visible: Visible[],
  match: string,
  occurrence: number,
): [number, number] | null {
  const needle = normalizeName(match);
  if (needle === "") return null;
  const text = visible.map((c) => c.ch).join("");
  // Visible characters are single UTF-16 units or whole code points: map back by index.
  const starts: number[] = [];
  let offset = 0;
  for (const c of visible) {
    starts.push(offset);
    offset += c.ch.length;
  }
  let at = text.indexOf(needle);
  for (let n = 0; at !== -1 && n < occurrence; n++) at = text.indexOf(needle, at + needle.length);
  if (at === -1) return null;
  const first = starts.indexOf(at);
  const last = starts.indexOf(at + needle.length);
  if (first === -1) return null;
  return [first, last === -1 ? visible.length : last];
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * The source spans of visible[from, to), the first one taking the replacement. With nothing to
 * put in the name's place, one space next to it goes too ("Besök Karin Holm idag" → "Besök idag").
 */
function editsFor(visible: Visible[], range: [number, number], replacement: string): Edit[] {
  let [from, to] = range;
  if (replacement === "") {
    if (visible[to]?.ch === " " && (visible[to]?.start ?? -1) !== -1) to++;
    else if (visible[from - 1]?.ch === " " && (visible[from - 1]?.start ?? -1) !== -1) from--;
  }
  const edits: Edit[] = [];
  for (let i = from; i < to; i++) {
    const c = visible[i];
    if (!c || c.start === -1) continue;
    const last = edits[edits.length - 1];
    if (last && last.end === c.start) last.end = c.end;
    else if (!last || last.end < c.start) edits.push({ start: c.start, end: c.end, text: "" });
  }
  const head = edits[0];
  if (head) head.text = replacement;
  return edits;
}

function applyEdits(source: string, edits: Edit[]): string {
  let out = "";
  let pos = 0;
  for (const edit of edits) {
    out += source.slice(pos, edit.start) + edit.text;
    pos = edit.end;
  }
  return out + source.slice(pos);
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
