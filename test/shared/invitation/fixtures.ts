import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const DIR = fileURLToPath(new URL("../../fixtures/bodies/", import.meta.url));

export interface Fixture {
  /** The body as the client returns it (sentinels removed). */
  body: string;
  /** Exact range our remove must cut out, when the fixture holds a live block of ours. */
  block: { start: number; end: number } | null;
  /** Exact range `removeOtherMeeting` must cut out. */
  foreign: { start: number; end: number } | null;
}

function take(
  text: string,
  open: string,
  close: string,
): [string, { start: number; end: number } | null] {
  const start = text.indexOf(open);
  if (start === -1) return [text, null];
  const withoutOpen = text.slice(0, start) + text.slice(start + open.length);
  const end = withoutOpen.indexOf(close);
  if (end === -1) throw new Error(`unclosed ${open}`);
  return [withoutOpen.slice(0, end) + withoutOpen.slice(end + close.length), { start, end }];
}

/** Loads test/fixtures/bodies/<name>.html.txt, turning the sentinel comments into offsets. */
export function loadFixture(name: string): Fixture {
  const raw = readFileSync(`${DIR}${name}.html.txt`, "utf8");
  // Sentinels never overlap; take the later one first so the earlier offsets stay valid.
  const blockAt = raw.indexOf("<!--BLOCK-->");
  const foreignAt = raw.indexOf("<!--FOREIGN-->");
  if (blockAt !== -1 && foreignAt !== -1 && foreignAt < blockAt) {
    throw new Error("put the BLOCK sentinel before FOREIGN in fixtures that have both");
  }
  const [withoutForeign, foreignRaw] = take(raw, "<!--FOREIGN-->", "<!--/FOREIGN-->");
  const [body, block] = take(withoutForeign, "<!--BLOCK-->", "<!--/BLOCK-->");
  const shift = block === null ? 0 : "<!--BLOCK-->".length + "<!--/BLOCK-->".length;
  const foreign =
    foreignRaw === null ? null : { start: foreignRaw.start - shift, end: foreignRaw.end - shift };
  return { body, block, foreign };
}

/** The body with one range cut out. */
export function cut(body: string, range: { start: number; end: number }): string {
  return body.slice(0, range.start) + body.slice(range.end);
}

export const BOOKING_A = "3f2b8c1e-9a4d-4e7b-8c21-5d6f7a8b9c0d";
export const BOOKING_B = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
export const BOOKING_T = "6c5d4e3f-2a1b-4c0d-9e8f-7a6b5c4d3e2f";
export const PEXIP_JOIN = {
  url: "https://vmr.regionexempel.se/webapp/m/4711234567/step-by-step?role=guest",
  alias: "4711234567",
  sipUri: "4711234567@vmr.regionexempel.se",
};
export const TEAMS_JOIN = {
  url: "https://teams.microsoft.com/l/meetup-join/19%3ameeting_ZmY2NjQ4YjEtOTc1Zi00ZDNhLWE0YjItMmQ5ZTFiYzM0NTY3%40thread.v2/0?context=%7b%22Tid%22%3a%2200000000-0000-0000-0000-0000000000a1%22%2c%22Oid%22%3a%2200000000-0000-0000-0000-0000000000b2%22%7d",
  meetingId: "384 512 907 265",
  passcode: "Xq7Tb2",
};
