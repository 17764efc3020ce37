import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  findInvitationBlock,
  findOtherMeetings,
  invitationBlockState,
  removeInvitationBlock,
  upsertInvitationBlock,
} from "../../../src/shared/invitation";
import {
  block,
  foreignBlock,
  outlookRewrite,
  sameBooking,
  splitBody,
  userBody,
} from "./arbitraries";

const RUNS = { numRuns: 300 };

// Footer lines of our blocks (either language), literal or entity-encoded.
function markerCount(html: string): number {
  return (
    html.split(
      /(?:Skyddat v(?:å|&aring;)rdm(?:ö|&ouml;)te|Protected care meeting) (?:·|&middot;|&#183;) ref\./,
    ).length - 1
  );
}

describe("invitation block properties", () => {
  it("remove(upsert(body)) gives back the body exactly", () => {
    fc.assert(
      fc.property(userBody, block, (body, b) => {
        expect(removeInvitationBlock(upsertInvitationBlock(body, b.html))).toBe(body);
      }),
      RUNS,
    );
  });

  it("upsert twice equals upsert once", () => {
    fc.assert(
      fc.property(userBody, block, (body, b) => {
        const once = upsertInvitationBlock(body, b.html);
        expect(upsertInvitationBlock(once, b.html)).toBe(once);
      }),
      RUNS,
    );
  });

  it("the upserted block is found with its booking id and join link, and reads ok", () => {
    fc.assert(
      fc.property(userBody, block, (body, b) => {
        const upserted = upsertInvitationBlock(body, b.html);
        expect(findInvitationBlock(upserted)).toEqual({
          bookingId: b.bookingId,
          joinUrl: b.joinUrl,
        });
        expect(invitationBlockState(upserted, { ...b })).toBe("ok");
      }),
      RUNS,
    );
  });

  it("content outside the block stays byte for byte when it is replaced or removed", () => {
    fc.assert(
      fc.property(splitBody, block, block, ([before, after], first, second) => {
        const body = before + first.html + after;
        expect(upsertInvitationBlock(body, second.html)).toBe(before + second.html + after);
        expect(removeInvitationBlock(body)).toBe(before + after);
      }),
      RUNS,
    );
  });

  it("after an Outlook-style rewrite, upsert still replaces rather than adds", () => {
    fc.assert(
      fc.property(userBody, block, outlookRewrite, (body, b, rewrite) => {
        const rewritten = rewrite(upsertInvitationBlock(body, b.html));
        expect(findInvitationBlock(rewritten)).toEqual({
          bookingId: b.bookingId,
          joinUrl: b.joinUrl,
        });
        const again = upsertInvitationBlock(rewritten, b.html);
        expect(markerCount(again)).toBe(1);
        expect(findInvitationBlock(again)?.bookingId).toBe(b.bookingId);
        // Replaced in place: the rewritten user content is untouched either way.
        expect(removeInvitationBlock(again)).toBe(removeInvitationBlock(rewritten));
        expect(invitationBlockState(rewritten, { ...b })).toBe("ok");
      }),
      RUNS,
    );
  });

  it("a change of type on a rewritten body swaps the block in place", () => {
    fc.assert(
      fc.property(
        userBody,
        block.chain((b) => fc.tuple(fc.constant(b), sameBooking(b))),
        outlookRewrite,
        (body, [first, second], rewrite) => {
          const rewritten = rewrite(upsertInvitationBlock(body, first.html));
          const changed = upsertInvitationBlock(rewritten, second.html);
          expect(findInvitationBlock(changed)).toEqual({
            bookingId: first.bookingId,
            joinUrl: second.joinUrl,
          });
          expect(removeInvitationBlock(changed)).toBe(removeInvitationBlock(rewritten));
        },
      ),
      RUNS,
    );
  });

  it("foreign meeting blocks are never touched by our upsert and remove", () => {
    fc.assert(
      fc.property(splitBody, foreignBlock, block, ([before, after], foreign, b) => {
        const body = before + foreign + after;
        const upserted = upsertInvitationBlock(body, b.html);
        expect(upserted).toContain(foreign);
        expect(removeInvitationBlock(upserted)).toBe(body);
        expect(findOtherMeetings(upserted)).toEqual(findOtherMeetings(body));
        expect(findOtherMeetings(upserted).length).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });

  it("our own block is never reported as another meeting", () => {
    fc.assert(
      fc.property(userBody, block, outlookRewrite, (body, b, rewrite) => {
        const rewritten = rewrite(upsertInvitationBlock(body, b.html));
        expect(findOtherMeetings(rewritten)).toEqual(findOtherMeetings(body));
      }),
      RUNS,
    );
  });
});
