import { describe, expect, it } from "vitest";
import { MeetingTypeId } from "../../../src/shared/contract";
import { renderInvitation } from "../../../src/shared/invitation";
import { findPersonalData, htmlToText } from "../../../src/shared/personal-data";

// The scanner must never flag the join data our own invitation block carries: the send check
// looks for identity numbers in the whole body, our block included.
// An alias that also passes as a 10-digit personnummer (Skatteverket's test number): the
// service should never hand one out, but if it did, our own block must not block the send.
const PEXIP = {
  url: "https://vmr.region.example/webapp/m/1212121212/step-by-step?role=guest",
  alias: "1212121212",
  sipUri: "1212121212@vmr.region.example",
};
const TEAMS = {
  url: "https://teams.microsoft.com/l/meetup-join/19%3ameeting_MzQ2MTIzNDU2Nzg5%40thread.v2/0?context=%7b%22Tid%22%3a%2272f988bf-86f1-41af-91ab-2d7cd011db47%22%7d",
  meetingId: "346 123 456 789 012",
  passcode: "9Xk2Pq",
  dialIn: { number: "+46 8 505 201 10", conferenceId: "123 456 789#" },
};

describe("our own invitation block", () => {
  for (const type of MeetingTypeId.options) {
    for (const locale of ["sv", "en"] as const) {
      for (const [service, join] of [
        ["pexip", PEXIP],
        ["teams", TEAMS],
      ] as const) {
        it(`has no personal data: ${type}, ${service}, ${locale}`, () => {
          const rendered = renderInvitation({
            bookingId: "3f2b8c1e-2d4a-4f6b-9c1d-0e5a7b9c2d41",
            type,
            service,
            join,
            locale,
          });
          const options = { organisationDomains: ["region.example"] };
          expect(findPersonalData(htmlToText(rendered.html), options)).toEqual([]);
          expect(findPersonalData(rendered.text, options)).toEqual([]);
          expect(findPersonalData(rendered.location, options)).toEqual([]);
        });
      }
    }
  }
});
