import { describe, expect, it } from "vitest";
import {
  findInvitationBlock,
  invitationBlockState,
  invitationBlockText,
  removeInvitationBlock,
  renderInvitation,
  upsertInvitationBlock,
} from "../../../src/shared/invitation";
import { BOOKING_A, BOOKING_B, PEXIP_JOIN, TEAMS_JOIN } from "./fixtures";

const a = renderInvitation({
  bookingId: BOOKING_A,
  type: "care",
  service: "pexip",
  join: PEXIP_JOIN,
  locale: "sv",
});
const b = renderInvitation({
  bookingId: BOOKING_B,
  type: "internal",
  service: "teams",
  join: TEAMS_JOIN,
  locale: "sv",
});
const expectedA = { bookingId: BOOKING_A, joinUrl: PEXIP_JOIN.url, text: a.text };
const RULE_LINE = /<p><font[^>]*>_+<\/font><\/p>/;
const FOOTER_LINE = /<p><font size="1"[^>]*>[^<]*ref\.[^<]*<\/font><\/p>/;

describe("upsertInvitationBlock", () => {
  it("puts the block after the user's text, inside <body> of a whole document", () => {
    expect(upsertInvitationBlock("", a.html)).toBe(a.html);
    expect(upsertInvitationBlock("<p>Hej</p>", a.html)).toBe(`<p>Hej</p>${a.html}`);
    expect(upsertInvitationBlock("Hej", a.html)).toBe(`Hej${a.html}`);
    const doc = "<html><head><title>x</title></head><body><p>Hej</p></body></html>";
    expect(upsertInvitationBlock(doc, a.html)).toBe(
      `<html><head><title>x</title></head><body><p>Hej</p>${a.html}</body></html>`,
    );
    const upper = "<HTML><BODY><P>Hej</P></BODY></HTML>";
    expect(upsertInvitationBlock(upper, a.html)).toBe(
      `<HTML><BODY><P>Hej</P>${a.html}</BODY></HTML>`,
    );
  });

  it("never appends into an unterminated tag, comment or style that would swallow the block", () => {
    for (const tail of [
      '<a href="https://x.example',
      "<!-- utkast",
      "<style>p{",
      "</di",
      '<p title="a>b',
    ]) {
      const body = `<p>Hej</p>${tail}`;
      const upserted = upsertInvitationBlock(body, a.html);
      expect(upserted).toBe(`<p>Hej</p>${a.html}${tail}`);
      expect(findInvitationBlock(upserted)?.bookingId).toBe(BOOKING_A);
      expect(removeInvitationBlock(upserted)).toBe(body);
    }
  });

  it("replaces another booking's live block (a copied appointment) instead of adding a second", () => {
    const body = `<p>Hej</p>${b.html}<p>Hälsningar</p>`;
    expect(upsertInvitationBlock(body, a.html)).toBe(`<p>Hej</p>${a.html}<p>Hälsningar</p>`);
  });

  it("collapses stale duplicates of our block into one", () => {
    const body = `<p>1</p>${a.html}<p>2</p>${b.html}<p>3</p>${a.html}<p>4</p>`;
    expect(upsertInvitationBlock(body, a.html)).toBe(`<p>1</p>${a.html}<p>2</p><p>3</p><p>4</p>`);
  });

  it("keeps text the user typed inside our wrapper after the block", () => {
    const body = a.html.replace(/<\/div>$/, "<p>Glöm inte remissen.</p></div>");
    const upserted = upsertInvitationBlock(body, b.html.replaceAll(BOOKING_B, BOOKING_A));
    expect(upserted).toContain("<p>Glöm inte remissen.</p>");
    expect(removeInvitationBlock(body)).toContain("Glöm inte remissen.");
    expect(invitationBlockText(removeInvitationBlock(body))).toBeNull();
  });

  it("recovers a block whose marker lines were deleted, by its wrapper id and link", () => {
    const edited = a.html.replace(RULE_LINE, "").replace(FOOTER_LINE, "");
    expect(edited).not.toContain("ref.");
    const body = `<p>Hej</p>${edited.replace('id="', 'id="x_')}<p>Hälsningar</p>`;
    expect(findInvitationBlock(body)).toEqual({ bookingId: BOOKING_A, joinUrl: PEXIP_JOIN.url });
    expect(invitationBlockState(body, expectedA)).toBe("edited");
    expect(upsertInvitationBlock(body, a.html)).toBe(`<p>Hej</p>${a.html}<p>Hälsningar</p>`);
  });

  it("refuses something that is not a rendered block", () => {
    expect(() => upsertInvitationBlock("<p>Hej</p>", "<p>Anslut: https://x.example</p>")).toThrow(
      /not an invitation block/,
    );
  });
});

describe("removeInvitationBlock", () => {
  it("returns a body without a block unchanged", () => {
    for (const body of [
      "",
      "<p>Hej</p>",
      "<html><body></body></html>",
      '<div id="skyddat-vardmote-x"></div>',
    ]) {
      expect(removeInvitationBlock(body)).toBe(body);
    }
  });

  it("finds and removes a block a client moved below a reply header, when no live one exists", () => {
    const header = `<div id="divRplyFwdMsg"><b>Från:</b> Anna<br><b>Skickat:</b> i går</div>`;
    const body = `<p>Svar</p>${header}${a.html}`;
    expect(findInvitationBlock(body)).toEqual({ bookingId: BOOKING_A, joinUrl: PEXIP_JOIN.url });
    expect(removeInvitationBlock(body)).toBe(`<p>Svar</p>${header}`);
    expect(removeInvitationBlock(body, BOOKING_A)).toBe(`<p>Svar</p>${header}`);
  });

  it("leaves a quoted block alone while a live one exists, unless asked for that booking", () => {
    const quoted = `<p>Hej</p>${a.html}<blockquote>${b.html}</blockquote>`;
    expect(findInvitationBlock(quoted)?.bookingId).toBe(BOOKING_A);
    expect(removeInvitationBlock(quoted)).toBe(`<p>Hej</p><blockquote>${b.html}</blockquote>`);
    expect(removeInvitationBlock(quoted, BOOKING_B)).toBe(`<p>Hej</p><blockquote></blockquote>`);
  });
});

describe("quoted and forwarded parts", () => {
  const forwards: Array<[string, string]> = [
    [
      "Apple Mail forward",
      '<div>Se nedan</div><div><br><blockquote type="cite"><div>Begin forwarded message:</div><div><b>From: </b>Anna</div><div>Text</div></blockquote></div>',
    ],
    [
      "Apple Mail in Swedish",
      '<div>Se nedan</div><div><blockquote type="cite"><div>Början på vidarebefordrat meddelande:</div><div>Text</div></blockquote></div>',
    ],
    [
      "Gmail quote",
      '<div dir="ltr">Se nedan</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">Den mån skrev Anna:<br></div><div>Text</div></div>',
    ],
    [
      "Outlook Original Message",
      "<p>Se nedan</p><p>-----Original Message-----</p><p>From: Anna</p><p>Sent: Monday</p><p>Text</p>",
    ],
    [
      "Outlook Från/Skickat header",
      "<p>Se nedan</p><hr><p><b>Från:</b> Anna<br><b>Skickat:</b> måndag</p><p>Text</p>",
    ],
    [
      "Outlook divRplyFwdMsg",
      '<p>Se nedan</p><div id="divRplyFwdMsg"><b>From:</b> Anna<br><b>Sent:</b> Monday</div><div>Text</div>',
    ],
    ["a bare blockquote", "<p>Se nedan</p><blockquote><p>Text</p></blockquote>"],
  ];

  it.each(forwards)("inserts before the quoted part of %s, never into it", (_name, body) => {
    const upserted = upsertInvitationBlock(body, a.html);
    const at = upserted.indexOf(a.html);
    expect(at).toBeGreaterThan(0);
    expect(upserted.slice(0, at) + upserted.slice(at + a.html.length)).toBe(body);
    expect(upserted.slice(0, at)).toContain("Se nedan");
    expect(upserted.slice(0, at)).not.toContain("Text");
    expect(upserted.slice(0, at).toLowerCase()).not.toMatch(
      /<blockquote|gmail_quote|original message|från:/,
    );
    expect(findInvitationBlock(upserted)).toEqual({
      bookingId: BOOKING_A,
      joinUrl: PEXIP_JOIN.url,
    });
    expect(invitationBlockState(upserted, expectedA)).toBe("ok");
    expect(removeInvitationBlock(upserted)).toBe(body);
  });

  it.each(forwards)("finds and removes a block a client moved into %s", (_name, body) => {
    const moved = body.replace(/Text/, `Text${a.html}`);
    expect(moved).not.toBe(body);
    expect(findInvitationBlock(moved)).toEqual({ bookingId: BOOKING_A, joinUrl: PEXIP_JOIN.url });
    expect(invitationBlockState(moved, expectedA)).toBe("ok");
    expect(removeInvitationBlock(moved)).toBe(body);
    expect(upsertInvitationBlock(moved, a.html)).toBe(moved);
  });
});

describe("invitationBlockState", () => {
  it("is ok for the block as rendered and missing for a body without it", () => {
    expect(invitationBlockState(`<p>Hej</p>${a.html}`, expectedA)).toBe("ok");
    expect(invitationBlockState("<p>Hej</p>", expectedA)).toBe("missing");
  });

  it("is edited when the text, the link or a marker changed", () => {
    const typed = a.html.replace("Du väntar i lobbyn", "Du väntar i väntrummet");
    expect(invitationBlockState(typed, expectedA)).toBe("edited");
    expect(invitationBlockState(typed, { bookingId: BOOKING_A, joinUrl: PEXIP_JOIN.url })).toBe(
      "ok",
    );
    const relinked = a.html.replaceAll(PEXIP_JOIN.url, "https://vmr.regionexempel.se/webapp/m/1/x");
    expect(invitationBlockState(relinked, expectedA)).toBe("edited");
    const unmarked = a.html.replace(RULE_LINE, "");
    expect(unmarked).not.toBe(a.html);
    expect(invitationBlockState(unmarked, expectedA)).toBe("edited");
  });

  it("is edited when the block is gone but its link is still in the body", () => {
    expect(invitationBlockState(`<p>Länk: ${PEXIP_JOIN.url}</p>`, expectedA)).toBe("edited");
  });

  it("is other-booking when only another booking's block is there", () => {
    expect(invitationBlockState(b.html, expectedA)).toBe("other-booking");
  });

  it("ignores whitespace, &nbsp; and entity differences that Outlook introduces", () => {
    const rewritten = a.html
      .replace(/<p>/g, '<p class=MsoNormal><span style="font-size:11pt">')
      .replace(/<\/p>/g, "</span><o:p></o:p></p>\n")
      .replace(/å/g, "&aring;")
      .replace(/: /g, ":&nbsp; ");
    expect(invitationBlockState(rewritten, expectedA)).toBe("ok");
  });
});
