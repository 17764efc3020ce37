import { type Doc, lineAtOrAfter, offsets, parseDocument, tagName } from "./document";
import { decodeCharRefs, getAttribute } from "../html";
import { type LocatedBlock, locateBlocks } from "./locate";
import {
  type OtherMeetingKind,
  classifyWithHint,
  hasSkypePhrase,
  urlsInText,
} from "./meeting-urls";
import { BLOCK_PHRASES } from "./meeting-phrases";
import { linesRange } from "./ranges";
import { unwrapSafeLink } from "./urls";

export type { OtherMeetingKind } from "./meeting-urls";

export interface OtherMeeting {
  kind: OtherMeetingKind;
  /** The join link, Safe Links unwrapped; "" when only the words were found. */
  url: string;
}

interface Occurrence extends OtherMeeting {
  line: number;
}

/** A line made only of one repeated character (Teams' 80 underscores, Skype's dots). */
function delimiterStrength(text: string): number {
  let first = "";
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === " ") continue;
    if (first === "") {
      if (!"_.-=*~".includes(ch)) return 0;
      first = ch;
    } else if (ch !== first) {
      return 0; // stops at the first other character: cheap on long ordinary lines
    }
    count++;
  }
  return count >= 20 ? count : 0;
}

function looksLikePhoneLine(text: string): boolean {
  let digits = 0;
  let symbols = 0;
  for (const ch of text) {
    if (ch >= "0" && ch <= "9") digits++;
    else if ("+()-.,#*/ ".includes(ch)) symbols++;
  }
  return digits >= 6 && (digits + symbols) / text.length >= 0.6;
}

function belongsTo(kind: OtherMeetingKind, text: string): boolean {
  const lower = text.toLowerCase();
  if (delimiterStrength(text) > 0 || looksLikePhoneLine(text)) return true;
  const skype = hasSkypePhrase(text);
  if (urlsInText(text).some((url) => classifyWithHint(url, skype) === kind)) return true;
  let from = 0;
  let to = lower.length;
  while (from < to && (lower[from] === "|" || lower[from] === " ")) from++;
  while (to > from && (lower[to - 1] === "|" || lower[to - 1] === " ")) to--;
  const bare = lower.slice(from, to);
  // "Label:" and "word " as a line start; short words ("help", "---") only as a whole line,
  // so a user's sentence next to the block stays.
  return BLOCK_PHRASES[kind].some((phrase) =>
    phrase.endsWith(":") || phrase.endsWith(" ")
      ? bare.startsWith(phrase)
      : phrase.length >= 10
        ? bare.includes(phrase)
        : bare === phrase,
  );
}

// Bounded: an unclosed <a> would otherwise hold the rest of the body, for every such link.
const ANCHOR_TEXT_TOKENS = 16;

function anchorText(doc: Doc, tok: number): string {
  let text = "";
  const last = Math.min(doc.last[tok] as number, tok + ANCHOR_TEXT_TOKENS);
  for (let i = tok + 1; i <= last; i++) {
    const token = doc.tokens[i];
    if (token?.kind === "text") text += decodeCharRefs(doc.html.slice(token.start, token.end));
  }
  return text;
}

function insideOurs(ours: readonly LocatedBlock[], tok: number): boolean {
  return ours.some((block) => tok >= block.a && tok <= block.b);
}

function detect(doc: Doc, ours: readonly LocatedBlock[]): Occurrence[] {
  const found: Occurrence[] = [];
  // Each line is searched for Skype words once, however many links it holds.
  const skypeLines = new Map<number, boolean>();
  const skypeLine = (index: number): boolean => {
    let known = skypeLines.get(index);
    if (known === undefined) {
      known = hasSkypePhrase(doc.lines[index]?.text ?? "");
      skypeLines.set(index, known);
    }
    return known;
  };
  for (const anchor of doc.anchors) {
    if (insideOurs(ours, anchor.tok)) continue;
    const line = lineAtOrAfter(doc, anchor.tok);
    const skype = skypeLine(line) || hasSkypePhrase(anchorText(doc, anchor.tok));
    const kind = classifyWithHint(anchor.href, skype);
    if (kind !== null) found.push({ kind, url: unwrapSafeLink(anchor.href), line });
  }
  doc.lines.forEach((line, index) => {
    if (insideOurs(ours, line.startTok)) return;
    for (const url of urlsInText(line.text)) {
      const kind = classifyWithHint(url, skypeLine(index));
      if (kind !== null) found.push({ kind, url: unwrapSafeLink(url), line: index });
    }
  });
  // Skype words with the link stripped (plain-text copies) still mean a Skype meeting to re-book.
  if (!found.some((occurrence) => occurrence.kind === "skype")) {
    const index = doc.lines.findIndex(
      (line) => !insideOurs(ours, line.startTok) && hasSkypePhrase(line.text),
    );
    if (index !== -1) found.push({ kind: "skype", url: "", line: index });
  }
  // Outlook's own Teams block between 80-underscore lines, whatever the tenant did to its links.
  if (!found.some((occurrence) => occurrence.kind === "teams")) {
    const delimiters = doc.lines
      .map((line, index) => (delimiterStrength(line.text) >= 60 ? index : -1))
      .filter((index) => index !== -1 && !insideOurs(ours, doc.lines[index]?.startTok ?? 0));
    for (let k = 0; k + 1 < delimiters.length; k++) {
      const from = delimiters[k] as number;
      const to = delimiters[k + 1] as number;
      const between = doc.lines.slice(from + 1, to).map((line) => line.text.toLowerCase());
      if (between.some((text) => text.includes("microsoft teams") || text.includes("teams-möte"))) {
        const firstLink = doc.anchors.find(
          (anchor) =>
            anchor.tok > (doc.lines[from]?.endTok ?? 0) &&
            anchor.tok < (doc.lines[to]?.startTok ?? 0),
        );
        found.push({
          kind: "teams",
          url: firstLink ? unwrapSafeLink(firstLink.href) : "",
          line: from + 1,
        });
        break;
      }
    }
  }
  return found;
}

/**
 * Other meetings' join blocks in the body (Skype for Business/Lync, Outlook's Teams block, Zoom,
 * Webex, a few others), Safe Links unwrapped; our own block's links are never reported.
 * One entry per distinct kind and URL, in body order.
 */
export function findOtherMeetings(bodyHtml: string): OtherMeeting[] {
  const doc = parseDocument(bodyHtml);
  const occurrences = detect(doc, locateBlocks(doc)).sort((x, y) => x.line - y.line);
  const seen = new Set<string>();
  const result: OtherMeeting[] = [];
  for (const { kind, url } of occurrences) {
    const key = `${kind} ${url}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({ kind, url });
  }
  return result;
}

const SEARCH_LINES = 40;

/** First and last line of the provider block around `line`. */
function blockLines(
  doc: Doc,
  kind: OtherMeetingKind,
  line: number,
  stop: (index: number) => boolean,
  member: (index: number) => boolean,
): [number, number] {
  // Teams and Skype frame their block with long delimiter lines: take the frame when both exist.
  if (kind === "teams" || kind === "skype") {
    let up = -1;
    let down = -1;
    for (let i = line; i >= Math.max(0, line - SEARCH_LINES) && !stop(i); i--) {
      if (delimiterStrength(doc.lines[i]?.text ?? "") >= 40) {
        up = i;
        break;
      }
    }
    for (let i = line; i < Math.min(doc.lines.length, line + SEARCH_LINES) && !stop(i); i++) {
      if (delimiterStrength(doc.lines[i]?.text ?? "") >= 40) {
        down = i;
        break;
      }
    }
    if (up !== -1 && down !== -1 && up < down) return [up, down];
  }
  let first = line;
  let last = line;
  while (
    first - 1 >= 0 &&
    line - (first - 1) <= SEARCH_LINES &&
    !stop(first - 1) &&
    member(first - 1)
  ) {
    first--;
  }
  while (
    last + 1 < doc.lines.length &&
    last + 1 - line <= SEARCH_LINES &&
    !stop(last + 1) &&
    member(last + 1)
  ) {
    last++;
  }
  return [first, last];
}

function mayWrapForeign(doc: Doc, element: number): boolean {
  const name = tagName(doc, element);
  if (name === "body" || name === "html") return false;
  const token = doc.tokens[element];
  if (token === undefined) return false;
  const cls = getAttribute(doc.html, token, "class")?.toLowerCase() ?? "";
  return !cls.includes("wordsection");
}

/**
 * Removes every join block of `kind` (not ours): the framed block for Teams and Skype (between
 * their delimiter lines), else the link's line with the provider's adjacent lines (meeting id,
 * passcode, dial-in). Everything else stays byte-for-byte.
 */
export function removeOtherMeeting(bodyHtml: string, kind: OtherMeetingKind): string {
  const doc = parseDocument(bodyHtml);
  const ours = locateBlocks(doc);
  const occurrences = detect(doc, ours).filter((occurrence) => occurrence.kind === kind);
  if (occurrences.length === 0) return bodyHtml;
  const ourLine = (index: number): boolean => {
    const line = doc.lines[index];
    return line !== undefined && insideOurs(ours, line.startTok);
  };
  const members = new Map<number, boolean>();
  const member = (index: number): boolean => {
    let known = members.get(index);
    if (known === undefined) {
      known = belongsTo(kind, doc.lines[index]?.text ?? "");
      members.set(index, known);
    }
    return known;
  };
  const ranges: Array<{ start: number; end: number }> = [];
  const doneLines = new Set<number>();
  for (const occurrence of occurrences) {
    // Several links on one line share one block: compute it once.
    if (occurrence.line < 0 || doneLines.has(occurrence.line)) continue;
    doneLines.add(occurrence.line);
    const [first, last] = blockLines(doc, kind, occurrence.line, ourLine, member);
    const [a, b] = linesRange(doc, first, last, (element) => mayWrapForeign(doc, element));
    ranges.push(offsets(doc, a, b));
  }
  ranges.sort((x, y) => x.start - y.start);
  let out = "";
  let pos = 0;
  for (const range of ranges) {
    if (range.end <= pos) continue;
    out += bodyHtml.slice(pos, Math.max(pos, range.start));
    pos = range.end;
  }
  return out + bodyHtml.slice(pos);
}
