import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  findInvitationBlock,
  invitationBlockState,
  removeInvitationBlock,
  renderInvitation,
  upsertInvitationBlock,
} from "../../../src/shared/invitation";
import { BOOKING_A, PEXIP_JOIN, TEAMS_JOIN } from "./fixtures";

// The block as written before the rule-and-footer frame (`=== … ===` marker lines): such blocks
// are already in calendars and must still be found, replaced and removed. The Outlook-rewritten
// bodies in test/fixtures/bodies are of this old format too.
const OLD: { bookingId: string; blocks: Record<string, string> } = JSON.parse(
  readFileSync(new URL("../../fixtures/bodies/old-format-blocks.json", import.meta.url), "utf8"),
);
const OLD_ID = OLD.bookingId;
const OLD_CARE_SV = OLD.blocks["care-sv"] ?? "";
const OLD_INTERNAL_EN = OLD.blocks["internal-en"] ?? "";

function render(
  type: "care" | "information" | "internal",
  locale: "sv" | "en",
  bookingId = BOOKING_A,
) {
  const join = type === "care" ? PEXIP_JOIN : TEAMS_JOIN;
  return renderInvitation({
    bookingId,
    type,
    service: type === "care" ? "pexip" : "teams",
    join,
    locale,
  });
}

describe("the invitation block's look", () => {
  it("shows no === markers and carries the booking id only in the small footer", () => {
    for (const type of ["care", "information", "internal"] as const) {
      for (const locale of ["sv", "en"] as const) {
        const { html, text } = render(type, locale);
        expect(text).not.toContain("===");
        const lines = text.split("\n");
        expect(lines[0]).toBe("_".repeat(64));
        expect(lines.filter((line) => line.includes(BOOKING_A))).toEqual([lines[lines.length - 1]]);
        expect(html).toContain(`<font size="1" color="#8a8a8a">`);
        expect(html.match(/<a /g)).toHaveLength(1);
      }
    }
  });

  it("heads each type by what it is: an internal meeting is not a protected care meeting", () => {
    expect(render("care", "sv").text.split("\n")[1]).toBe("Skyddat vårdmöte via Pexip");
    expect(render("internal", "sv").text.split("\n")[1]).toBe(
      "Internt möte via Teams med mötesskydd",
    );
    expect(render("internal", "en").text.split("\n")[1]).toBe(
      "Internal meeting via Teams with meeting protection",
    );
  });

  it("writes the English block wholly in English", () => {
    for (const type of ["care", "information", "internal"] as const) {
      const { text } = render(type, "en");
      expect(text).not.toMatch(/[åäöÅÄÖ]|Skyddat|vårdmöte|Anslut|Mötes/);
      expect(text).toContain(`Protected care meeting · ref. ${BOOKING_A}`);
    }
  });
});

describe("old-format blocks already in calendars", () => {
  it("are the old frame", () => {
    expect(OLD_CARE_SV).toContain("<p>=== Skyddat vårdmöte ===</p>");
    expect(OLD_INTERNAL_EN).toContain(`=== Skyddat vårdmöte · ${OLD_ID} ===`);
  });

  for (const [name, html, join] of [
    ["care, Swedish", OLD_CARE_SV, PEXIP_JOIN],
    ["internal, English", OLD_INTERNAL_EN, TEAMS_JOIN],
  ] as const) {
    it(`finds, replaces and removes an old ${name} block`, () => {
      const body = `<p>Hej</p>${html}<p>Hälsningar</p>`;
      expect(findInvitationBlock(body)).toEqual({ bookingId: OLD_ID, joinUrl: join.url });
      expect(invitationBlockState(body, { bookingId: OLD_ID, joinUrl: join.url })).toBe("ok");
      const fresh = render("care", "sv", OLD_ID);
      expect(upsertInvitationBlock(body, fresh.html)).toBe(
        `<p>Hej</p>${fresh.html}<p>Hälsningar</p>`,
      );
      expect(removeInvitationBlock(body)).toBe("<p>Hej</p><p>Hälsningar</p>");
    });
  }

  it("counts an old block with the current words as unedited", () => {
    const body = `<p>Hej</p>${OLD_CARE_SV}`;
    const expected = {
      bookingId: OLD_ID,
      joinUrl: PEXIP_JOIN.url,
      text: render("care", "sv", OLD_ID).text,
    };
    expect(invitationBlockState(body, expected)).toBe("ok");
  });
});

describe("the rule that opens the block", () => {
  const teams = `<div>${"_".repeat(80)}</div><div><a href="https://teams.microsoft.com/l/meetup-join/19%3ameeting_QUJD%40thread.v2/0">Join the meeting now</a></div><div>${"_".repeat(80)}</div>`;

  it("pairs with our footer, not with a Teams block's rule above it", () => {
    const ours = render("care", "sv");
    const body = `${teams}<p>Hej</p>${ours.html}`;
    expect(removeInvitationBlock(body)).toBe(`${teams}<p>Hej</p>`);
  });

  it("never takes far-away user lines as ours when our own rule was deleted", () => {
    const ours = render("care", "sv").html.replace(/<p><font color="#c8c8c8">_+<\/font><\/p>/, "");
    const many = Array.from({ length: 30 }, (_, i) => `<p>Rad ${i}</p>`).join("");
    const body = `${teams}${many}${ours.replace(/^<div id="[^"]*">/, "<div>")}`;
    expect(removeInvitationBlock(body)).toContain("Rad 0");
    expect(removeInvitationBlock(body)).toContain("Rad 29");
  });
});
