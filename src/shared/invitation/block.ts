/**
 * Our invitation block inside an appointment body, and how it stays findable.
 *
 * Outlook rewrites the HTML we write: the web strips `class` and `data-*`,
 * prefixes ids with `x_`, turns `<div>` into `<p>`/`<span>` with inline fonts; classic Outlook
 * returns a whole Word document (`<o:p>`, conditional comments, `class=MsoNormal`); Mac returns a
 * whole `<html>` document; entities and &nbsp; appear anywhere. So the block carries three
 * independent signals, none of them a class or data attribute:
 *
 *   <div id="skyddat-vardmote-<bookingId>">             ← id substring (x_ prefix tolerated)
 *     <p><font color=…>______…</font></p>                  ← start: a rule line (64 "_")
 *     <p><b>heading</b></p><p>… <a id="LPNoLP" href="…">…</a></p>   ← join link
 *     <p><font size=1 …>Skyddat vårdmöte · ref. <bookingId></font></p>  ← small footer with the id
 *   </div>
 *
 * Blocks written before 2026-12 used `=== Skyddat vårdmöte ===` and
 * `=== Skyddat vårdmöte · <bookingId> ===` as start and end lines; they are still read, replaced
 * and removed (markers.ts). A rule pairs with a footer only within a few lines, since Teams and
 * others draw the same kind of rule.
 *
 * A start/end marker pair is the primary signal (text survives every rewrite; the end line
 * names the booking); the wrapper id recovers a block whose marker lines were edited away as
 * long as the join link is still inside. The range we replace or remove is cut from the exact
 * source offsets of a tolerant tokenizer, grown to whole elements only while they show nothing
 * but our lines, so every byte outside the block stays as it was. Blocks after a reply/forward
 * header or inside a <blockquote> belong to quoted earlier mail and are left alone unless they
 * carry this very booking's id, or no live block exists (then a client moved ours there). A new
 * block goes before the first quoted or forwarded part, never into it.
 */
import { linesDigest, textToLines } from "./digest";
import { parseDocument, type Doc } from "./document";
import { checkJoinLink } from "./join-link";
import { type LocatedBlock, locateBlocks, quoteBoundary } from "./locate";
import { parseMarker } from "./markers";
import { sameUrl } from "./urls";

export interface FoundInvitationBlock {
  bookingId: string | null;
  /** The block's link; with `joinHosts` given, only when it leads to one of them (join-link.ts). */
  joinUrl: string | null;
  /** Set when the block has a link, but not to a host the policy names (or not https). */
  foreignLink?: true;
}

export interface FindBlockOptions {
  /** The policy's join hosts: a link elsewhere is not returned as `joinUrl`. */
  joinHosts?: readonly string[];
}

export type InvitationBlockState = "ok" | "missing" | "edited" | "other-booking";

interface Edit {
  start: number;
  end: number;
  text: string;
}

function applyEdits(html: string, edits: Edit[]): string {
  const sorted = [...edits].sort((x, y) => x.start - y.start);
  let out = "";
  let pos = 0;
  for (const edit of sorted) {
    out += html.slice(pos, edit.start) + edit.text;
    pos = edit.end;
  }
  return out + html.slice(pos);
}

/**
 * Where a new block goes: after the user's text, before quoted mail and before </body> — and
 * never after an unterminated tag or comment, which would swallow it.
 */
function insertionPoint(doc: Doc): number {
  const at = naturalInsertionPoint(doc);
  return doc.swallowFrom !== -1 && doc.swallowFrom < at ? doc.swallowFrom : at;
}

function naturalInsertionPoint(doc: Doc): number {
  const quote = quoteBoundary(doc);
  if (quote !== null) return quote.offset;
  for (let i = doc.tokens.length - 1; i >= 0; i--) {
    const token = doc.tokens[i];
    if (token?.kind === "close" && (token.name === "body" || token.name === "html")) {
      // Before </body>; before </html> only when there is no </body>.
      if (token.name === "body") return token.start;
      const body = doc.tokens.findIndex((t) => t.kind === "close" && t.name === "body");
      return body === -1 ? token.start : (doc.tokens[body]?.start ?? token.start);
    }
  }
  return doc.html.length;
}

/** The first live (not quoted) block, else null. */
function liveBlock(blocks: readonly LocatedBlock[]): LocatedBlock | undefined {
  return blocks.find((block) => !block.quoted);
}

/**
 * The block that stands for this appointment: the first live one, else the first quoted one.
 * A client may move our block into a quoted or forwarded part (Apple Mail's forward in a
 * <blockquote>); a body with no live block would otherwise show no booking while its join
 * link is still there, and the send check would find nothing to warn about.
 */
function currentBlock(blocks: readonly LocatedBlock[]): LocatedBlock | undefined {
  return liveBlock(blocks) ?? blocks[0];
}

/** Finds our block: the first one outside quoted earlier mail, else the first quoted one. */
export function findInvitationBlock(
  bodyHtml: string,
  options: FindBlockOptions = {},
): FoundInvitationBlock | null {
  const block = currentBlock(locateBlocks(parseDocument(bodyHtml)));
  if (block === undefined) return null;
  const { bookingId, joinUrl } = block;
  if (joinUrl === null || options.joinHosts === undefined) return { bookingId, joinUrl };
  const verdict = checkJoinLink(joinUrl, options.joinHosts);
  return verdict.ok
    ? { bookingId, joinUrl: verdict.url }
    : { bookingId, joinUrl: null, foreignLink: true };
}

/**
 * Inserts `blockHtml` (from `renderInvitation`) at the end of the user's text, or replaces the
 * existing block in place: the one with the same booking id, else the first live one. Other
 * live blocks of ours (stale copies) are removed, so the body ends up with exactly one.
 */
export function upsertInvitationBlock(bodyHtml: string, blockHtml: string): string {
  const rendered = locateBlocks(parseDocument(blockHtml))[0];
  if (rendered === undefined) throw new Error("blockHtml is not an invitation block");
  const doc = parseDocument(bodyHtml);
  const blocks = locateBlocks(doc);
  const target =
    blocks.find((block) => !block.quoted && block.bookingId === rendered.bookingId) ??
    blocks.find((block) => block.bookingId === rendered.bookingId) ??
    liveBlock(blocks);
  if (target === undefined) {
    const at = insertionPoint(doc);
    return bodyHtml.slice(0, at) + blockHtml + bodyHtml.slice(at);
  }
  const edits: Edit[] = [{ start: target.start, end: target.end, text: blockHtml }];
  for (const block of blocks) {
    if (block !== target && !block.quoted)
      edits.push({ start: block.start, end: block.end, text: "" });
  }
  return applyEdits(bodyHtml, edits);
}

/**
 * The source ranges `removeInvitationBlock` takes out, in order: our block(s) outside quoted mail,
 * any block of `bookingId` when given, and with no live block the quoted one
 * `findInvitationBlock` returns (a client moved it there).
 */
export function invitationBlockRanges(
  bodyHtml: string,
  bookingId?: string,
): Array<{ start: number; end: number }> {
  const blocks = locateBlocks(parseDocument(bodyHtml));
  const moved = liveBlock(blocks) === undefined ? blocks[0] : undefined;
  return blocks
    .filter(
      (block) =>
        !block.quoted ||
        block === moved ||
        (bookingId !== undefined && block.bookingId === bookingId),
    )
    .map((block) => ({ start: block.start, end: block.end }))
    .sort((x, y) => x.start - y.start);
}

/**
 * Removes our block(s) outside quoted mail, and any block of `bookingId` when given; with no
 * live block, the quoted one `findInvitationBlock` returns (a client moved it there). Nothing
 * else changes. A body without a block comes back unchanged.
 */
export function removeInvitationBlock(bodyHtml: string, bookingId?: string): string {
  const edits = invitationBlockRanges(bodyHtml, bookingId).map((range) => ({ ...range, text: "" }));
  return edits.length === 0 ? bodyHtml : applyEdits(bodyHtml, edits);
}

function blockLines(doc: Doc, block: LocatedBlock): string[] {
  return doc.lines
    .filter((line) => line.startTok >= block.a && line.endTok <= block.b)
    .map((line) => line.text);
}

function withoutMarkers(lines: string[]): string[] {
  return lines.filter((line) => parseMarker(line) === null);
}

/**
 * The visible text of our live block, one normalised line per entry (markers included), or
 * null. Compare with the `text` of `renderInvitation` through `invitationBlockState`.
 */
export function invitationBlockText(bodyHtml: string): string[] | null {
  const doc = parseDocument(bodyHtml);
  const block = currentBlock(locateBlocks(doc));
  return block === undefined ? null : blockLines(doc, block);
}

/**
 * What the send check needs to know: is this booking's block in the body as rendered?
 * "ok" – found with the expected booking id and join link (and text, when `expected.text` is
 * given); "edited" – found but changed, or gone while its join link is still in the body;
 * "other-booking" – only another booking's block; "missing" – nothing of it.
 */
export function invitationBlockState(
  bodyHtml: string,
  expected: { bookingId: string; joinUrl: string; text?: string; textDigest?: string },
): InvitationBlockState {
  const doc = parseDocument(bodyHtml);
  const blocks = locateBlocks(doc);
  const own =
    blocks.find((block) => !block.quoted && block.bookingId === expected.bookingId) ??
    blocks.find((block) => block.bookingId === expected.bookingId);
  if (own !== undefined) {
    if (own.joinUrl === null || !sameUrl(own.joinUrl, expected.joinUrl)) return "edited";
    if (!own.complete) return "edited";
    if (
      expected.textDigest !== undefined &&
      linesDigest(blockLines(doc, own)) !== expected.textDigest
    ) {
      return "edited";
    }
    if (expected.text !== undefined) {
      // Marker lines aside: a block written in the old `=== … ===` frame with the same words is
      // not edited (blocks already in calendars when the frame changed).
      const actual = withoutMarkers(blockLines(doc, own));
      const wanted = withoutMarkers(textToLines(expected.text));
      if (actual.length !== wanted.length || actual.some((line, i) => line !== wanted[i])) {
        return "edited";
      }
    }
    return "ok";
  }
  const live = currentBlock(blocks);
  if (live !== undefined && live.bookingId !== null) return "other-booking";
  if (live !== undefined) return "edited";
  const linked = doc.anchors.some((anchor) => sameUrl(anchor.href, expected.joinUrl));
  if (linked || doc.lines.some((line) => line.text.includes(expected.joinUrl))) return "edited";
  return "missing";
}
