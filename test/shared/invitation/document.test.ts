import { describe, expect, it } from "vitest";
import { parseDocument } from "../../../src/shared/invitation/document";
import {
  findInvitationBlock,
  findOtherMeetings,
  removeInvitationBlock,
  renderInvitation,
  upsertInvitationBlock,
} from "../../../src/shared/invitation";
import { BOOKING_A, PEXIP_JOIN } from "./fixtures";

describe("document lines", () => {
  it("splits at block elements and <br>, joins inline runs, ignores head and comments", () => {
    const doc = parseDocument(
      "<html><head><title>T</title><style>x</style></head><body><p>a<b>b</b></p><div>c<br>d<!-- e --></div>f</body></html>",
    );
    expect(doc.lines.map((line) => line.text)).toEqual(["ab", "c", "d", "f"]);
  });
});

describe("adversarial 1 MB bodies", () => {
  const MB = 1_000_000;
  const fill = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
  const block = renderInvitation({
    bookingId: BOOKING_A,
    type: "care",
    service: "pexip",
    join: PEXIP_JOIN,
    locale: "sv",
  }).html;

  // Each finishes in linear time (vitest's timeout would catch a quadratic blow-up); what is
  // asserted is the answer.
  it.each([
    ["unclosed quotes", fill('<a href="x>')],
    ["lone angle brackets", fill("<")],
    ["nested divs", "<div>".repeat(MB / 5)],
    ["nested divs with text", fill("<div>x")],
    ["unclosed comments", fill("<!--")],
    ["entity soup", fill("&aring;&#229;&#xE5;&bogus;&")],
    ["start markers only", fill("<p>=== Skyddat vårdmöte ===</p>")],
    ["our id without content", fill('<div id="skyddat-vardmote-x">y')],
    ["one long line", fill("| ")],
    ["one line of join links", fill("https://zoom.us/j/1 ")],
    ["unclosed anchors", fill('<a href="https://zoom.us/j/1">x')],
  ])("%s: no block found, upsert adds exactly one, remove restores", (_name, body) => {
    expect(findInvitationBlock(body)).toBeNull();
    const upserted = upsertInvitationBlock(body, block);
    expect(findInvitationBlock(upserted)?.bookingId).toBe(BOOKING_A);
    expect(removeInvitationBlock(upserted)).toBe(body);
    expect(Array.isArray(findOtherMeetings(body))).toBe(true);
  });

  it("finds the block at the end of a 1 MB Word document", () => {
    const body = `<html><body><div class=WordSection1>${fill(
      "<p class=MsoNormal>Dagordning punkt å ä ö<o:p></o:p></p>\n",
    )}${block}</div></body></html>`;
    expect(findInvitationBlock(body)).toEqual({ bookingId: BOOKING_A, joinUrl: PEXIP_JOIN.url });
  });
});
