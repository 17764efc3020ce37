import { describe, expect, it } from "vitest";
import {
  decodeCharRefs as decodeEntities,
  getAttribute,
  tokenize,
} from "../../../src/shared/html";
import { parseDocument } from "../../../src/shared/invitation/document";
import {
  findInvitationBlock,
  findOtherMeetings,
  removeInvitationBlock,
  renderInvitation,
  upsertInvitationBlock,
} from "../../../src/shared/invitation";
import { BOOKING_A, PEXIP_JOIN } from "./fixtures";

function kinds(html: string): string[] {
  return tokenize(html).map((token) =>
    token.kind === "open" || token.kind === "close"
      ? `${token.kind}:${token.name}`
      : `${token.kind}:${html.slice(token.start, token.end)}`,
  );
}

describe("tokenize", () => {
  it("covers the input exactly, in order", () => {
    const html =
      "<!DOCTYPE html><html><!--[if gte mso 9]><xml><o:x/></xml><![endif]--><body><p class=MsoNormal>a &lt; b<o:p></o:p></p><![if !supportLists]>·<![endif]></body></html>";
    const tokens = tokenize(html);
    let pos = 0;
    for (const token of tokens) {
      expect(token.start).toBe(pos);
      pos = token.end;
    }
    expect(pos).toBe(html.length);
  });

  it("treats Word's conditional comments and downlevel-revealed markup as comments", () => {
    expect(kinds("<![if !supportLists]>x<![endif]>")).toEqual([
      "comment:<![if !supportLists]>",
      "text:x",
      "comment:<![endif]>",
    ]);
    expect(kinds("<!--[if mso]><p>hidden</p><![endif]-->y")).toEqual([
      "comment:<!--[if mso]><p>hidden</p><![endif]-->",
      "text:y",
    ]);
  });

  it("keeps script and style content raw", () => {
    expect(kinds("<style>p > a { x: '<b>' }</style><p>t</p>")).toEqual([
      "open:style",
      "raw:p > a { x: '<b>' }",
      "close:style",
      "open:p",
      "text:t",
      "close:p",
    ]);
  });

  it("tolerates lone '<', quoted '>' and unterminated markup", () => {
    expect(kinds("a < b <3 c")).toEqual(["text:a < b <3 c"]);
    expect(kinds('<a title="x>y" href=z>l</a>')).toEqual(["open:a", "text:l", "close:a"]);
    expect(kinds("<p>end <b")).toEqual(["open:p", "text:end <b"]);
    expect(kinds("x <!-- never closed")).toEqual(["text:x ", "comment:<!-- never closed"]);
  });

  it("reads attributes quoted, unquoted and in any case", () => {
    const html = `<A ID=x_LPNoLP Href='https://a.example/?q=1&amp;r=2' data-x="1" checked>`;
    const [token] = tokenize(html);
    if (token === undefined) throw new Error("no token");
    expect(getAttribute(html, token, "id")).toBe("x_LPNoLP");
    expect(getAttribute(html, token, "href")).toBe("https://a.example/?q=1&amp;r=2");
    expect(getAttribute(html, token, "checked")).toBe("");
    expect(getAttribute(html, token, "class")).toBeNull();
  });
});

describe("decodeEntities", () => {
  it("decodes named, decimal and hex references and leaves unknown ones", () => {
    // "&#0;" reads as U+FFFD, as the WHATWG tokenizer and the scanner always read it (the block
    // engine alone once left it as written).
    expect(decodeEntities("v&aring;rdm&ouml;te &#8211; &#xE5; &nbsp;&amp;&bogus; &#0; &")).toBe(
      "vårdmöte – å \u00a0&&bogus; \ufffd &",
    );
  });

  it("leaves names of Object.prototype members as written", () => {
    // A plain-object lookup once turned "&constructor;" into "function Object() { … }".
    expect(decodeEntities("a &constructor; &toString; &hasOwnProperty; b")).toBe(
      "a &constructor; &toString; &hasOwnProperty; b",
    );
  });

  it("reads the same names as the personal-data scanner (one shared table)", () => {
    expect(decodeEntities("anna&commat;example&period;se &aacute;&ccedil;&minus;")).toBe(
      "anna@example.se áç\u2212",
    );
  });
});

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
