import { describe, expect, it } from "vitest";
import { htmlToText, removeInvitationBlock, upsertInvitationBlock } from "../../../src/shared";
import {
  initialsOf,
  occurrenceBefore,
  replaceNameInHtml,
  replaceNameInText,
} from "../../../src/taskpane/model/name-edit";
import { meeting } from "../support/fixtures";

describe("initialsOf", () => {
  it("takes the first letter of each word and of each part of a hyphenated name", () => {
    expect(initialsOf("Karin Holm")).toBe("K.H.");
    expect(initialsOf("Britt-Marie Lund")).toBe("B-M.L.");
    expect(initialsOf("Holm, Karin")).toBe("H.K.");
    expect(initialsOf("Örjan Åberg")).toBe("Ö.Å.");
  });
});

describe("replaceNameInText", () => {
  it("replaces a name in the subject with initials or removes it with one space", () => {
    expect(replaceNameInText("Besök Karin Holm inför operation", "Karin Holm", 0, "initials")).toBe(
      "Besök K.H. inför operation",
    );
    expect(replaceNameInText("Besök Karin Holm inför operation", "Karin Holm", 0, "remove")).toBe(
      "Besök inför operation",
    );
    expect(replaceNameInText("Per Ek – kontroll", "Per Ek", 0, "remove")).toBe("– kontroll");
    expect(replaceNameInText("Telefonuppföljning Ali Hassan", "Ali Hassan", 0, "remove")).toBe(
      "Telefonuppföljning",
    );
  });

  it("replaces the given occurrence only, and says null when the name is gone", () => {
    expect(replaceNameInText("Per Ek och Per Ek", "Per Ek", 1, "initials")).toBe("Per Ek och P.E.");
    expect(replaceNameInText("Uppföljning", "Per Ek", 0, "initials")).toBeNull();
  });
});

/** The scanner's view: the occurrence of a match found at `start` of htmlToText(body). */
function occurrenceIn(html: string, match: string, nth = 0): number {
  const text = htmlToText(removeInvitationBlock(html));
  let start = text.indexOf(match);
  for (let n = 0; n < nth; n++) start = text.indexOf(match, start + 1);
  return occurrenceBefore(text, start, match);
}

describe("replaceNameInHtml", () => {
  it("changes only the name's characters: entities, tags and attributes stay as they were", () => {
    const html =
      '<html><head><style>p{color:red}</style></head><body><p class="x">Vi tr&auml;ffar Karin Holm f&ouml;r genomg&aring;ng &amp; plan.</p></body></html>';
    const out = replaceNameInHtml(html, "Karin Holm", occurrenceIn(html, "Karin Holm"), "initials");
    expect(out).toBe(
      '<html><head><style>p{color:red}</style></head><body><p class="x">Vi tr&auml;ffar K.H. f&ouml;r genomg&aring;ng &amp; plan.</p></body></html>',
    );
  });

  it("handles a tag inside the name and a name written with entities", () => {
    const html = "<p>Besök Karin <b>Holm</b> idag</p>";
    expect(replaceNameInHtml(html, "Karin Holm", 0, "initials")).toBe(
      "<p>Besök K.H.<b></b> idag</p>",
    );
    const encoded = "<p>Ang. &Aring;sa&nbsp;&Ouml;berg, remiss</p>";
    expect(replaceNameInHtml(encoded, "Åsa Öberg", 0, "remove")).toBe("<p>Ang., remiss</p>");
  });

  it("replaces the second of two equal names and leaves the first", () => {
    const html = "<p>Karin Holm ringde.</p><p>Ring Karin Holm igen.</p>";
    const out = replaceNameInHtml(
      html,
      "Karin Holm",
      occurrenceIn(html, "Karin Holm", 1),
      "remove",
    );
    expect(out).toBe("<p>Karin Holm ringde.</p><p>Ring igen.</p>");
  });

  it("never edits our invitation block, even when the same words stand in it", () => {
    const block = meeting().invitation.html;
    const body = upsertInvitationBlock(
      "<html><body><p>Möte med Karin Holm</p></body></html>",
      block,
    );
    const out = replaceNameInHtml(body, "Karin Holm", 0, "initials");
    expect(out).toBe(body.replace("Möte med Karin Holm", "Möte med K.H."));
    expect(out).toContain(block);
  });

  it("leaves names in comments, <style> and attributes alone", () => {
    const html =
      '<!-- Karin Holm --><p title="Karin Holm"><style>.Karin Holm{}</style>Karin Holm</p>';
    expect(replaceNameInHtml(html, "Karin Holm", 0, "initials")).toBe(
      '<!-- Karin Holm --><p title="Karin Holm"><style>.Karin Holm{}</style>K.H.</p>',
    );
  });

  it("escapes nothing dangerous into the body and returns null when the name is gone", () => {
    expect(replaceNameInHtml("<p>Hej</p>", "Karin Holm", 0, "remove")).toBeNull();
  });
});
