import { describe, expect, it } from "vitest";
import {
  classifyMeetingUrl,
  findOtherMeetings,
  removeOtherMeeting,
  renderInvitation,
  unwrapSafeLink,
} from "../../../src/shared/invitation";
import { BOOKING_T, TEAMS_JOIN } from "./fixtures";

describe("classifyMeetingUrl", () => {
  it.each([
    [
      "https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0?context=%7b%7d",
      "teams",
    ],
    ["https://teams.microsoft.com/meet/3841122334455?p=aBcD", "teams"],
    ["https://teams.live.com/meet/9876543210", "teams"],
    ["https://meet.lync.com/regionexempel/anna.andersson/ABC123", "skype"],
    ["https://lync.regionexempel.se/meet/anna.andersson/ABC123", "skype"],
    ["https://join.skype.com/aBcDeF", "skype"],
    ["https://zoom.us/j/81234567890", "zoom"],
    ["https://us06web.zoom.us/j/81234567890?pwd=x", "zoom"],
    ["https://regionexempel.webex.com/regionexempel/j.php?MTID=m0123", "webex"],
    ["https://regionexempel.webex.com/meet/anna.andersson", "webex"],
    ["https://meet.google.com/abc-defg-hij", "other"],
    ["https://meet.jit.si/Samverkan", "other"],
  ])("%s is %s", (url, kind) => {
    expect(classifyMeetingUrl(url)).toBe(kind);
  });

  it.each([
    "https://teams.microsoft.com/meetingOptions/?organizerId=x",
    "https://aka.ms/JoinTeamsMeeting",
    "https://www.microsoft.com/microsoft-teams/download-app",
    "https://zoom.us/u/kbXyZ12AbC",
    "https://help.webex.com",
    "https://www.1177.se/vastmanland/videosamtal",
    "mailto:anna.andersson@regionexempel.se",
    "not a url",
  ])("%s is not a join link", (url) => {
    expect(classifyMeetingUrl(url)).toBeNull();
  });

  it("recognises an on-premises Lync simple URL by its words only", () => {
    const url = "https://meet.regionexempel.se/anna.andersson/ABC123";
    expect(classifyMeetingUrl(url)).toBeNull();
    expect(classifyMeetingUrl(url, "Anslut till Skype-möte")).toBe("skype");
    expect(classifyMeetingUrl(url, "Join Skype Meeting")).toBe("skype");
  });

  it("sees through Safe Links, also wrapped twice", () => {
    const inner = "https://zoom.us/j/81234567890";
    const once = `https://eur02.safelinks.protection.outlook.com/?url=${encodeURIComponent(inner)}&data=x&reserved=0`;
    const twice = `https://nam12.safelinks.protection.outlook.com/?url=${encodeURIComponent(once)}&reserved=0`;
    expect(unwrapSafeLink(twice)).toBe(inner);
    expect(classifyMeetingUrl(twice)).toBe("zoom");
    expect(unwrapSafeLink("https://eur02.safelinks.protection.outlook.com/?url=%E0%A4%A")).toBe(
      "https://eur02.safelinks.protection.outlook.com/?url=%E0%A4%A",
    );
  });
});

describe("findOtherMeetings", () => {
  it("finds meetings written as plain text lines too", () => {
    const body =
      "<div>Zoom: https://zoom.us/j/81234567890.<br>Webex https://x.webex.com/meet/anna</div>";
    expect(findOtherMeetings(body)).toEqual([
      { kind: "zoom", url: "https://zoom.us/j/81234567890" },
      { kind: "webex", url: "https://x.webex.com/meet/anna" },
    ]);
  });

  it("reports Skype words without a link, for re-booking", () => {
    expect(findOtherMeetings("<p>Anslut till Skype-möte</p><p>Konferens-ID: 4471102</p>")).toEqual([
      { kind: "skype", url: "" },
    ]);
  });

  it("reports one entry per meeting even with several links to it", () => {
    const url = "https://zoom.us/j/81234567890";
    const body = `<p><a href="${url}">${url}</a></p><p>${url}</p>`;
    expect(findOtherMeetings(body)).toEqual([{ kind: "zoom", url }]);
  });

  it("never reports our own Teams block", () => {
    const ours = renderInvitation({
      bookingId: BOOKING_T,
      type: "information",
      service: "teams",
      join: TEAMS_JOIN,
      locale: "sv",
    });
    expect(findOtherMeetings(`<p>Hej</p>${ours.html}`)).toEqual([]);
    const withForeign = `${ours.html}<p><a href="https://teams.microsoft.com/meet/1?p=x">Join</a></p>`;
    expect(findOtherMeetings(withForeign)).toEqual([
      { kind: "teams", url: "https://teams.microsoft.com/meet/1?p=x" },
    ]);
  });

  it("recognises Outlook's Teams frame even when the tenant rewrote its links", () => {
    const line = "_".repeat(80);
    const body = `<p>${line}</p><p>Microsoft Teams-möte</p><p><a href="https://go.regionexempel.se/t/abc">Anslut</a></p><p>${line}</p>`;
    expect(findOtherMeetings(body)).toEqual([
      { kind: "teams", url: "https://go.regionexempel.se/t/abc" },
    ]);
  });
});

describe("removeOtherMeeting", () => {
  it("removes only the meeting's lines, keeping a user's sentence beside it", () => {
    const body =
      "<p>Hjälp finns på intranätet.</p><p>Join Zoom Meeting</p><p>https://zoom.us/j/81234567890</p><p>Meeting ID: 812 3456 7890</p><p>Ta med kaffe.</p>";
    expect(removeOtherMeeting(body, "zoom")).toBe(
      "<p>Hjälp finns på intranätet.</p><p>Ta med kaffe.</p>",
    );
  });

  it("never removes our own block", () => {
    const ours = renderInvitation({
      bookingId: BOOKING_T,
      type: "information",
      service: "teams",
      join: TEAMS_JOIN,
      locale: "sv",
    });
    const body = `<p>Hej</p>${ours.html}`;
    expect(removeOtherMeeting(body, "teams")).toBe(body);
  });
});
