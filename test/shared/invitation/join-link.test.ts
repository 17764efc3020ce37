// The block engine offers a link as the meeting's only when it leads to a join host the policy
// names; the organizer's own flows (no hosts given) still see whatever link is there.
import { describe, expect, it } from "vitest";
import {
  checkJoinLink,
  findInvitationBlock,
  renderInvitation,
  upsertInvitationBlock,
} from "../../../src/shared";

const HOSTS = ["vmr.region.example.se", "teams.microsoft.com"];
const JOIN_URL = "https://vmr.region.example.se/webapp/m/910012345678/step-by-step?role=guest";
const BOOKING_ID = "3f1c2b8e-5d4a-4c3b-9a1e-7b6c5d4e3f2a";

const body = (url: string) =>
  upsertInvitationBlock(
    "<p>Agenda</p>",
    renderInvitation({
      bookingId: BOOKING_ID,
      type: "care",
      service: "pexip",
      join: { url: JOIN_URL, alias: "910012345678" },
      locale: "sv",
    }).html,
  )
    .replaceAll(JOIN_URL.replaceAll("&", "&amp;"), url.replaceAll("&", "&amp;"))
    .replaceAll(JOIN_URL, url);

describe("checkJoinLink", () => {
  it("accepts https to a listed host, a port only when listed with it", () => {
    expect(checkJoinLink(JOIN_URL, HOSTS)).toEqual({ ok: true, url: JOIN_URL });
    expect(checkJoinLink("https://TEAMS.microsoft.com/meet/123?p=abc", HOSTS).ok).toBe(true);
    expect(checkJoinLink("https://vmr.region.example.se:8443/webapp/m/1", HOSTS).ok).toBe(false);
    expect(
      checkJoinLink("https://vmr.region.example.se:8443/webapp/m/1", ["vmr.region.example.se:8443"])
        .ok,
    ).toBe(true);
  });

  it.each([
    ["https://evil.example/webapp/m/1", "foreign-host"],
    ["https://vmr.region.example.se.evil.example/webapp/m/1", "foreign-host"],
    ["https://evil-vmr.region.example.se/webapp/m/1", "foreign-host"],
    ["https://teams.microsoft.com@evil.example/meet/1", "foreign-host"],
    ["https://user:pw@teams.microsoft.com/meet/1", "foreign-host"],
    ["http://vmr.region.example.se/webapp/m/1", "not-https"],
    ["javascript:alert(1)", "not-https"],
    ["data:text/html,<script>alert(1)</script>", "not-https"],
    ["//evil.example/x", "not-a-url"],
    ["not a url", "not-a-url"],
  ])("refuses %s (%s)", (url, reason) => {
    expect(checkJoinLink(url, HOSTS)).toEqual({ ok: false, reason });
  });

  it("accepts plain http only for a listed loopback host (the embedded default's emulators)", () => {
    expect(checkJoinLink("http://127.0.0.1:3001/webapp/m/1", ["127.0.0.1:3001"]).ok).toBe(true);
    expect(checkJoinLink("http://127.0.0.1:3001/webapp/m/1", HOSTS).ok).toBe(false);
    expect(checkJoinLink("http://10.0.0.1:3001/webapp/m/1", ["10.0.0.1:3001"]).ok).toBe(false);
  });
});

describe("findInvitationBlock with the policy's join hosts", () => {
  it("returns our own link", () => {
    expect(findInvitationBlock(body(JOIN_URL), { joinHosts: HOSTS })).toStrictEqual({
      bookingId: BOOKING_ID,
      joinUrl: JOIN_URL,
    });
  });

  it.each([
    "https://evil.example/webapp/m/910012345678/step-by-step?role=guest",
    "javascript:alert(1)",
    "http://vmr.region.example.se/webapp/m/910012345678/step-by-step?role=guest",
  ])("returns no link, and says the block has a foreign one, for %s", (url) => {
    const found = findInvitationBlock(body(url), { joinHosts: HOSTS });
    expect(found).toStrictEqual({ bookingId: BOOKING_ID, joinUrl: null, foreignLink: true });
    // Without hosts (the organizer's restore flow) the link is reported as it stands.
    expect(findInvitationBlock(body(url))).toStrictEqual({ bookingId: BOOKING_ID, joinUrl: url });
  });

  it("with no hosts at all, offers nothing (client-config could not name any)", () => {
    expect(findInvitationBlock(body(JOIN_URL), { joinHosts: [] })?.joinUrl).toBeNull();
  });
});
