import { describe, expect, it } from "vitest";
import {
  findInvitationBlock,
  findOtherMeetings,
  invitationBlockState,
  removeInvitationBlock,
  removeOtherMeeting,
  renderInvitation,
  upsertInvitationBlock,
} from "../../../src/shared/invitation";
import {
  BOOKING_A,
  BOOKING_B,
  BOOKING_T,
  PEXIP_JOIN,
  TEAMS_JOIN,
  cut,
  loadFixture,
} from "./fixtures";

const careA = renderInvitation({
  bookingId: BOOKING_A,
  type: "care",
  service: "pexip",
  join: PEXIP_JOIN,
  locale: "sv",
});
const infoT = renderInvitation({
  bookingId: BOOKING_T,
  type: "information",
  service: "teams",
  join: TEAMS_JOIN,
  locale: "sv",
});

const OURS = [
  { name: "owa-rewritten", rendered: careA, bookingId: BOOKING_A, join: PEXIP_JOIN },
  { name: "owa-no-wrapper", rendered: careA, bookingId: BOOKING_A, join: PEXIP_JOIN },
  { name: "classic-word", rendered: careA, bookingId: BOOKING_A, join: PEXIP_JOIN },
  { name: "mac-document", rendered: careA, bookingId: BOOKING_A, join: PEXIP_JOIN },
  {
    name: "quoted-earlier-invitation",
    rendered: careA,
    bookingId: BOOKING_A,
    join: PEXIP_JOIN,
  },
  { name: "signature-with-link", rendered: careA, bookingId: BOOKING_A, join: PEXIP_JOIN },
  { name: "plain-lines", rendered: careA, bookingId: BOOKING_A, join: PEXIP_JOIN },
  { name: "safelinks", rendered: infoT, bookingId: BOOKING_T, join: TEAMS_JOIN },
];

function countBlocks(html: string): number {
  return html.split("=== Skyddat vårdmöte ===").length - 1;
}

describe.each(OURS)("our block in $name", ({ name, rendered, bookingId, join }) => {
  const { body, block } = loadFixture(name);
  if (block === null) throw new Error(`${name} has no BLOCK sentinel`);

  it("is found with its booking id and join link", () => {
    expect(findInvitationBlock(body)).toEqual({ bookingId, joinUrl: join.url });
  });

  it("is removed exactly, leaving every other byte", () => {
    expect(removeInvitationBlock(body)).toBe(cut(body, block));
  });

  it("is replaced in place by upsert, never duplicated", () => {
    const upserted = upsertInvitationBlock(body, rendered.html);
    expect(upserted).toBe(body.slice(0, block.start) + rendered.html + body.slice(block.end));
    expect(upsertInvitationBlock(upserted, rendered.html)).toBe(upserted);
  });

  it("is replaced in place when the type changes (same booking, new block)", () => {
    const changed = renderInvitation({
      bookingId,
      type: "internal",
      service: "teams",
      join: TEAMS_JOIN,
      locale: "en",
    });
    const upserted = upsertInvitationBlock(body, changed.html);
    expect(upserted).toBe(body.slice(0, block.start) + changed.html + body.slice(block.end));
    expect(findInvitationBlock(upserted)?.joinUrl).toBe(TEAMS_JOIN.url);
  });

  it("reads as ok for the send check, and as other-booking for another booking", () => {
    const expected = { bookingId, joinUrl: join.url, text: rendered.text };
    expect(invitationBlockState(body, expected)).toBe("ok");
    const other = { bookingId: "11111111-2222-4333-8444-555555555555", joinUrl: join.url };
    expect(invitationBlockState(body, other)).toBe("other-booking");
  });

  it("is never reported as another meeting", () => {
    const kinds = findOtherMeetings(body).map((meeting) => meeting.url);
    expect(kinds).not.toContain(join.url);
  });
});

describe("quoted earlier invitation below ours", () => {
  const { body, block } = loadFixture("quoted-earlier-invitation");
  if (block === null) throw new Error("fixture without block");

  it("finds ours, not the quoted one, and remove leaves the quoted mail alone", () => {
    expect(findInvitationBlock(body)?.bookingId).toBe(BOOKING_A);
    const removed = removeInvitationBlock(body);
    expect(removed).toContain(`skyddat-vardmote-${BOOKING_B}`);
    expect(countBlocks(removed)).toBe(1);
  });

  it("a new booking replaces ours and keeps the quoted one", () => {
    const other = renderInvitation({
      bookingId: "22222222-3333-4444-8555-666666666666",
      type: "care",
      service: "pexip",
      join: PEXIP_JOIN,
      locale: "sv",
    });
    const upserted = upsertInvitationBlock(body, other.html);
    expect(upserted).toBe(body.slice(0, block.start) + other.html + body.slice(block.end));
  });

  it("a block inserted into the bare reply goes above the quoted mail", () => {
    const bare = cut(body, block);
    // Only the quoted one is left: it is what the body shows, so it is found (a client may have
    // moved ours there), but a new booking still goes above the quoted mail.
    expect(findInvitationBlock(bare)?.bookingId).toBe(BOOKING_B);
    expect(upsertInvitationBlock(bare, careA.html)).toBe(
      bare.slice(0, block.start) + careA.html + bare.slice(block.start),
    );
  });
});

describe("signature with a second copy of the join link", () => {
  const { body, block } = loadFixture("signature-with-link");

  it("keeps the signature's link when the block goes", () => {
    const removed = removeInvitationBlock(body);
    expect(removed).toContain(`Mitt mötesrum: <a href="${PEXIP_JOIN.url}">`);
    expect(block).not.toBeNull();
    expect(findInvitationBlock(removed)).toBeNull();
    expect(invitationBlockState(removed, { bookingId: BOOKING_A, joinUrl: PEXIP_JOIN.url })).toBe(
      "edited",
    );
  });
});

const FOREIGN = [
  {
    name: "teams-block",
    kind: "teams" as const,
    url: "https://teams.microsoft.com/l/meetup-join/19%3ameeting_OTI4ZTJhNDAtYWQ2Ni00OTk0LWI0ZDUtNGM1NzBlZTAwZjQx%40thread.v2/0?context=%7b%22Tid%22%3a%2200000000-0000-0000-0000-0000000000a1%22%2c%22Oid%22%3a%2200000000-0000-0000-0000-0000000000c3%22%7d",
  },
  {
    name: "teams-block-sv-owa",
    kind: "teams" as const,
    url: "https://teams.microsoft.com/l/meetup-join/19%3ameeting_YjQ1ZmQ3MjYtNzJhZC00YTc3LWI2YmYtN2E3ZDQ4MjYxNTM1%40thread.v2/0?context=%7b%22Tid%22%3a%2200000000-0000-0000-0000-0000000000a1%22%2c%22Oid%22%3a%2200000000-0000-0000-0000-0000000000d4%22%7d",
  },
  {
    name: "skype-block",
    kind: "skype" as const,
    url: "https://meet.regionexempel.se/karl.nilsson/7QK3ZB1D",
  },
  {
    name: "zoom-block",
    kind: "zoom" as const,
    url: "https://us06web.zoom.us/j/81234567890?pwd=aGVqc2FuaGVqc2FuaGVqc2FuaGVqc2Fu.1",
  },
  {
    name: "webex-block",
    kind: "webex" as const,
    url: "https://regionexempel.webex.com/regionexempel/j.php?MTID=m0123456789abcdef0123456789abcdef",
  },
  {
    name: "safelinks",
    kind: "teams" as const,
    url: "https://teams.microsoft.com/meet/3841122334455?p=aBcDeFgHiJ",
  },
];

describe.each(FOREIGN)("$kind block in $name", ({ name, kind, url }) => {
  const { body, foreign } = loadFixture(name);
  if (foreign === null) throw new Error(`${name} has no FOREIGN sentinel`);

  it("is recognised, with Safe Links unwrapped", () => {
    expect(findOtherMeetings(body)[0]).toEqual({ kind, url });
    expect(findOtherMeetings(body).every((meeting) => meeting.kind === kind)).toBe(true);
  });

  it("is removed exactly by removeOtherMeeting, and only for its kind", () => {
    expect(removeOtherMeeting(body, kind)).toBe(cut(body, foreign));
    for (const otherKind of ["skype", "teams", "zoom", "webex", "other"] as const) {
      if (otherKind !== kind) expect(removeOtherMeeting(body, otherKind)).toBe(body);
    }
  });

  it("is never touched by our upsert and remove", () => {
    const upserted = upsertInvitationBlock(body, careA.html);
    expect(upserted).toContain(body.slice(foreign.start, foreign.end));
    expect(findOtherMeetings(upserted)).toEqual(findOtherMeetings(body));
    const withoutOurs = removeInvitationBlock(upserted);
    expect(withoutOurs).toContain(body.slice(foreign.start, foreign.end));
  });
});

describe("a Skype re-booking", () => {
  it("replaces the Skype block with our block in two calls", () => {
    const { body, foreign } = loadFixture("skype-block");
    if (foreign === null) throw new Error("fixture without foreign block");
    const rebooked = upsertInvitationBlock(removeOtherMeeting(body, "skype"), careA.html);
    expect(findOtherMeetings(rebooked)).toEqual([]);
    expect(findInvitationBlock(rebooked)?.bookingId).toBe(BOOKING_A);
    expect(rebooked).toContain("Teamträff om rutiner för remisser.");
    expect(rebooked).toContain("Hälsningar, Karl");
    // Inside <body>, after the user's text.
    expect(rebooked.indexOf(careA.html)).toBeGreaterThan(rebooked.indexOf("Hälsningar, Karl"));
    expect(rebooked.indexOf(careA.html)).toBeLessThan(rebooked.indexOf("</body>"));
  });
});
