import { describe, expect, it } from "vitest";
import { type PolicyInput, DEFAULT_POLICY, parsePolicy } from "../../../src/shared/policy";
import {
  MAX_LOCATION_LENGTH,
  findInvitationBlock,
  htmlEscape,
  invitationBlockText,
  renderInvitation,
  textToLines,
} from "../../../src/shared/invitation";
import { BOOKING_A, PEXIP_JOIN, TEAMS_JOIN } from "./fixtures";

function policyWith(
  edit: (draft: PolicyInput & { types: Array<Record<string, unknown>> }) => void,
) {
  const draft = JSON.parse(JSON.stringify(DEFAULT_POLICY)) as PolicyInput & {
    types: Array<Record<string, unknown>>;
  };
  edit(draft);
  const result = parsePolicy(draft);
  if (!result.ok) throw new Error(result.error);
  return result.policy;
}

describe("renderInvitation", () => {
  const care = renderInvitation({
    bookingId: BOOKING_A,
    type: "care",
    service: "pexip",
    join: PEXIP_JOIN,
    locale: "sv",
  });

  it("writes the join link, SIP address, alias and the fixed instructions", () => {
    expect(textToLines(care.text)).toEqual([
      "_".repeat(64),
      "Skyddat vårdmöte via Pexip",
      `Anslut till mötet: ${PEXIP_JOIN.url}`,
      "Anslut i god tid – det kan ta lite tid att ställa in kamera och ljud.",
      "Du väntar i lobbyn tills mötesvärden släpper in dig.",
      `Videosystem (SIP): ${PEXIP_JOIN.sipUri}`,
      `Mötesnummer för videosystem: ${PEXIP_JOIN.alias}`,
      `Skyddat vårdmöte · ref. ${BOOKING_A}`,
    ]);
    expect(care.location).toBe(`Skyddat vårdmöte (Pexip) ${PEXIP_JOIN.url}`);
  });

  it("renders HTML whose visible text is the plain text", () => {
    expect(invitationBlockText(care.html)).toEqual(textToLines(care.text));
    expect(findInvitationBlock(care.html)).toEqual({
      bookingId: BOOKING_A,
      joinUrl: PEXIP_JOIN.url,
    });
  });

  it("uses no inline CSS, no SVG, no class or data attributes, and LPNoLP on every link", () => {
    for (const locale of ["sv", "en"] as const) {
      for (const [type, join] of [
        ["care", PEXIP_JOIN],
        ["information", TEAMS_JOIN],
        ["internal", TEAMS_JOIN],
      ] as const) {
        const { html } = renderInvitation({
          bookingId: BOOKING_A,
          type,
          service: "teams",
          join,
          locale,
        });
        expect(html).not.toMatch(/style=|<svg|class=|data-|<script|<img|===/i);
        const links = html.match(/<a [^>]*>/g) ?? [];
        expect(links.length).toBe(1);
        for (const link of links) expect(link).toContain('id="LPNoLP"');
        expect(html.startsWith(`<div id="skyddat-vardmote-${BOOKING_A}">`)).toBe(true);
      }
    }
  });

  it("leaves out lines whose join field is missing", () => {
    const { text } = renderInvitation({
      bookingId: BOOKING_A,
      type: "information",
      service: "teams",
      join: { url: TEAMS_JOIN.url },
      locale: "en",
    });
    expect(text).not.toContain("Meeting ID");
    expect(text).not.toContain("Passcode");
    expect(text).not.toContain("Dial in");
    expect(text).toContain(`Join the meeting: ${TEAMS_JOIN.url}`);
  });

  it("writes dial-in only when there is one", () => {
    const { text } = renderInvitation({
      bookingId: BOOKING_A,
      type: "information",
      service: "teams",
      join: { ...TEAMS_JOIN, dialIn: { number: "+46 8 505 000 00", conferenceId: "123 456 789#" } },
      locale: "sv",
    });
    expect(text).toContain("Ring in: +46 8 505 000 00");
    expect(text).toContain("Konferens-ID: 123 456 789#");
  });

  it("escapes everything that comes from join data", () => {
    const hostile = {
      url: 'https://vmr.regionexempel.se/m/1?a="><script>alert(1)</script>&b=1',
      alias: "<b>4711</b>",
      sipUri: "x'onmouseover='y@vmr.regionexempel.se",
    };
    const { html } = renderInvitation({
      bookingId: BOOKING_A,
      type: "care",
      service: "pexip",
      join: hostile,
      locale: "sv",
    });
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>4711");
    expect(html).toContain("&lt;b&gt;4711&lt;/b&gt;");
    expect(html).toContain("x&#39;onmouseover=&#39;y@");
    expect(html).toContain('href="https://vmr.regionexempel.se/m/1?a=&quot;&gt;&lt;script&gt;');
    expect(findInvitationBlock(html)?.joinUrl).toBe(hostile.url);
  });

  it("escapes the region's template text too", () => {
    const policy = policyWith((draft) => {
      const care = draft.types[0] as { invitation: { sv: { heading: string; lines: string[] } } };
      care.invitation.sv.heading = "Möte <i>A & B</i>";
      care.invitation.sv.lines.push("Frågor? Ring <receptionen>");
    });
    const { html, text } = renderInvitation(
      { bookingId: BOOKING_A, type: "care", service: "pexip", join: PEXIP_JOIN, locale: "sv" },
      policy,
    );
    expect(html).toContain('<b><font size="5">Möte &lt;i&gt;A &amp; B&lt;/i&gt;</font></b>');
    expect(html).toContain("Ring &lt;receptionen&gt;");
    expect(text).toContain("Frågor? Ring <receptionen>");
  });

  it("refuses join links that are not https and booking ids that are not ids", () => {
    expect(() =>
      renderInvitation({
        bookingId: BOOKING_A,
        type: "care",
        service: "pexip",
        join: { url: "javascript:alert(1)" },
        locale: "sv",
      }),
    ).toThrow();
    expect(() =>
      renderInvitation({
        bookingId: '"><script>',
        type: "care",
        service: "pexip",
        join: PEXIP_JOIN,
        locale: "sv",
      }),
    ).toThrow(/bookingId/);
  });

  it("refuses a type the policy does not offer", () => {
    const policy = policyWith((draft) => {
      draft.types = draft.types.filter((type) => type.id !== "internal");
    });
    expect(() =>
      renderInvitation(
        {
          bookingId: BOOKING_A,
          type: "internal",
          service: "teams",
          join: TEAMS_JOIN,
          locale: "sv",
        },
        policy,
      ),
    ).toThrow(/internal/);
  });

  it("keeps the Location within Outlook's 255 characters, dropping a long link", () => {
    const { location } = renderInvitation({
      bookingId: BOOKING_A,
      type: "information",
      service: "teams",
      join: TEAMS_JOIN,
      locale: "sv",
    });
    expect(`Skyddat vårdmöte (Teams) ${TEAMS_JOIN.url}`.length).toBeGreaterThan(
      MAX_LOCATION_LENGTH,
    );
    expect(location).toBe("Skyddat vårdmöte (Teams)");
    const short = renderInvitation({
      bookingId: BOOKING_A,
      type: "information",
      service: "teams",
      join: { url: "https://teams.microsoft.com/meet/3841122334455?p=aBcDeFgHiJ" },
      locale: "en",
    });
    expect(short.location).toBe(
      "Protected care meeting (Teams) https://teams.microsoft.com/meet/3841122334455?p=aBcDeFgHiJ",
    );
  });

  it("uses the region's words, and only join fields can be put in", () => {
    const policy = policyWith((draft) => {
      const care = draft.types[0] as { invitation: { sv: { lines: string[]; location: string } } };
      care.invitation.sv.lines = ["Länk: {{url}}", "Alias {{ alias }}"];
      care.invitation.sv.location = "Videomöte";
    });
    const rendered = renderInvitation(
      { bookingId: BOOKING_A, type: "care", service: "pexip", join: PEXIP_JOIN, locale: "sv" },
      policy,
    );
    expect(textToLines(rendered.text).slice(2, 4)).toEqual([
      `Länk: ${PEXIP_JOIN.url}`,
      `Alias ${PEXIP_JOIN.alias}`,
    ]);
    expect(rendered.location).toBe("Videomöte");
  });
});

describe("htmlEscape", () => {
  it("escapes the five HTML-significant characters", () => {
    expect(htmlEscape(`<a href="x">Tom & 'Jerry'</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;",
    );
    expect(htmlEscape("vårdmöte – 14:30")).toBe("vårdmöte – 14:30");
  });
});
