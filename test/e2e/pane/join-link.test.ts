// Links only to our meetings: an invitation whose block link was changed — to another host, to
// `javascript:`, to plain http — gets no join button in the attendee's pane, only the warning.
// Invitations are forwarded and edited; our name must not carry a phishing link.
import { describe, expect, it } from "vitest";
import { findInvitationBlock } from "../../../src/shared";
import { sv } from "../../../src/taskpane/i18n/sv";
import { harnessSuite } from "../support/suite";
import { book } from "./support/pane";

const suite = harnessSuite();

/** The booked body's join link replaced by `link` everywhere (the href and the visible text). */
function swapLink(body: string, joinUrl: string, link: string): string {
  const escaped = joinUrl.replaceAll("&", "&amp;");
  return body.replaceAll(escaped, link.replaceAll("&", "&amp;")).replaceAll(joinUrl, link);
}

describe("the attendee's join button", () => {
  it("is offered for the region's own link", async () => {
    const h = await suite.open({ client: "web" });
    try {
      await book(h, "Vårdmöte patient", sv);
      const joinUrl = findInvitationBlock(await h.rawBody())?.joinUrl ?? "";
      expect(joinUrl).not.toBe("");
      await h.save();
      await h.reopen({ mode: "attendee", user: "karl" });
      const link = h.pane.getByRole("link", { name: sv.attendeeJoin });
      await link.waitFor({ timeout: 20_000 });
      expect(await link.getAttribute("href")).toBe(joinUrl);
      expect(await h.pane.getByText(sv.attendeeForeignLink).count()).toBe(0);
    } finally {
      await h.close();
    }
  });

  it.each([
    ["another host", "https://evil.example/webapp/m/910012345678/step-by-step?role=guest"],
    ["a look-alike host", "https://vmr.region.example.se.evil.example/webapp/m/1"],
    ["credentials naming another host", "https://teams.microsoft.com@evil.example/meet/1"],
    ["javascript:", "javascript:alert(document.domain)"],
    ["plain http", "http://vmr.region.example.se/webapp/m/910012345678"],
  ])("is withheld when the block's link leads to %s", async (_, link) => {
    const h = await suite.open({ client: "web" });
    try {
      await book(h, "Vårdmöte patient", sv);
      const body = await h.rawBody();
      const joinUrl = findInvitationBlock(body)?.joinUrl ?? "";
      await h.setField("Brödtext", swapLink(body, joinUrl, link));
      expect(await h.rawBody()).not.toContain(joinUrl);
      await h.save();
      await h.reopen({ mode: "attendee", user: "karl" });
      await h.pane.getByText(sv.attendeeForeignLink).waitFor({ timeout: 20_000 });
      expect(await h.pane.getByRole("link").count()).toBe(0);
      expect(await h.pane.getByRole("button").count()).toBe(0);
      expect(await h.pane.locator("a[href]").count()).toBe(0);
    } finally {
      await h.close();
    }
  });
});
