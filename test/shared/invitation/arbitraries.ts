import fc from "fast-check";
import { type JoinData } from "../../../src/shared/contract";
import { renderInvitation } from "../../../src/shared/invitation";

// Words users write in appointment bodies, with the characters Outlook likes to encode. No
// "===": a user line equal to our marker line would be a marker.
const WORDS = [
  "Hej",
  "möte",
  "vårdplanering",
  "åäö",
  "ÅÄÖ",
  "&amp;",
  "&nbsp;",
  "&aring;",
  "&#246;",
  "–",
  "kl.",
  "14:30",
  "2026-11-27",
  "rum 4B",
  "Anna Andersson",
  "https://intranat.regionexempel.se/rutiner",
  "Skyddat",
  "vårdmöte",
  "&lt;obs&gt;",
  "\u00a0",
];

const text = fc
  .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 })
  .map((w) => w.join(" "));

const inline = fc.oneof(
  text,
  text.map((t) => `<b>${t}</b>`),
  text.map((t) => `<span style="font-family: Calibri, sans-serif;">${t}</span>`),
  text.map((t) => `<a href="https://www.1177.se/vastmanland/videosamtal">${t}</a>`),
  fc.constant("<br>"),
  fc.constant("<o:p></o:p>"),
  fc.constant("<!-- kommentar -->"),
  fc.constant('<img src="cid:logo.png" alt="logo">'),
);

const paragraph = fc
  .tuple(
    fc.constantFrom("p", "div", "div", "p class=MsoNormal"),
    fc.array(inline, { minLength: 1, maxLength: 4 }),
  )
  .map(([tag, parts]) => `<${tag}>${parts.join("")}</${tag.split(" ")[0]}>`);

const fragment = fc
  .array(fc.oneof(paragraph, paragraph, fc.constant("\n"), fc.constant("<div><br></div>")), {
    maxLength: 6,
  })
  .map((parts) => parts.join(""));

/** A user's body: a fragment, an OWA-like wrapper, or a whole Word/Mac document. */
export const userBody = fc.oneof(
  fragment,
  fragment.map((f) => `<div class="elementToProof">${f}</div>`),
  fc
    .tuple(fragment, fragment)
    .map(
      ([a, b]) =>
        `<html><head><meta charset="utf-8"><style><!-- p.MsoNormal {margin:0} --></style></head><body><div class=WordSection1>${a}</div>${b}</body></html>`,
    ),
);

/** Two halves around which a block can sit: text before it and text after it. */
export const splitBody = fc.tuple(fragment, fragment);

const bookingId = fc.uuid();

const join: fc.Arbitrary<JoinData> = fc.oneof(
  fc.stringMatching(/^[0-9]{5,12}$/).map((alias) => ({
    url: `https://vmr.regionexempel.se/webapp/m/${alias}/step-by-step?role=guest`,
    alias,
    sipUri: `${alias}@vmr.regionexempel.se`,
  })),
  fc
    .tuple(fc.stringMatching(/^[A-Za-z0-9]{8,24}$/), fc.stringMatching(/^[0-9]{12}$/))
    .map(([thread, id]) => ({
      url: `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${thread}%40thread.v2/0?context=%7b%7d`,
      meetingId: `${id.slice(0, 3)} ${id.slice(3, 6)} ${id.slice(6, 9)} ${id.slice(9)}`,
      passcode: thread.slice(0, 6),
    })),
);

export interface BlockCase {
  bookingId: string;
  html: string;
  text: string;
  joinUrl: string;
}

/** A rendered block for a random booking, type, locale and join data. */
export const block: fc.Arbitrary<BlockCase> = fc
  .record({
    bookingId,
    type: fc.constantFrom("care" as const, "information" as const, "internal" as const),
    locale: fc.constantFrom("sv" as const, "en" as const),
    join,
  })
  .map(({ bookingId: id, type, locale, join: data }) => {
    const rendered = renderInvitation({
      bookingId: id,
      type,
      service: type === "care" ? "pexip" : "teams",
      join: data,
      locale,
    });
    return { bookingId: id, html: rendered.html, text: rendered.text, joinUrl: data.url };
  });

/** Another block for the same booking (change of type or new join data). */
export function sameBooking(original: BlockCase): fc.Arbitrary<BlockCase> {
  return block.map((other) => {
    const rendered = renderInvitation({
      bookingId: original.bookingId,
      type: "internal",
      service: "teams",
      join: { url: other.joinUrl },
      locale: "en",
    });
    return { ...other, bookingId: original.bookingId, html: rendered.html, text: rendered.text };
  });
}

const OUTLOOK_REWRITES: Array<(html: string) => string> = [
  // OWA: class and data-* go; element ids come back prefixed.
  (html) => html.replace(/ (class|data-[a-z-]+)="[^"]*"/g, "").replace(/ id="/g, ' id="x_'),
  // OWA: paragraphs become <p> with inline fonts around the text.
  (html) =>
    html
      .replace(
        /<p>/g,
        '<p style="margin-top:0px;margin-bottom:0px"><span style="font-family:Aptos,sans-serif;font-size:12pt">',
      )
      .replace(/<\/p>/g, "</span></p>"),
  // OWA: our wrapper <div> is rewritten to a <p> (it then auto-closes before our first <p>).
  (html) =>
    html
      .replace(/<div id="(x_)?skyddat-vardmote-([^"]*)">/g, '<p id="x_skyddat-vardmote-$2">')
      .replace(/<\/p><\/div>/g, "</p></p>"),
  // Classic: Word paragraphs with <o:p>, entities for non-ASCII, nbsp after colons.
  (html) =>
    html
      .replace(/<p>/g, "<p class=MsoNormal>")
      .replace(/<\/p>/g, "<o:p></o:p></p>")
      .replace(/å/g, "&aring;")
      .replace(/ä/g, "&auml;")
      .replace(/ö/g, "&ouml;")
      .replace(/–/g, "&#8211;")
      .replace(/·/g, "&middot;")
      .replace(/: /g, ":&nbsp;"),
  // Mac / Word: whole document around the body.
  (html) =>
    `<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head><body>${html}</body></html>`,
  // Line breaks and indentation between tags.
  (html) => html.replace(/><(p|div)/g, ">\n  <$1"),
];

/** A random non-empty sequence of Outlook-style rewrites. */
export const outlookRewrite = fc
  .array(fc.integer({ min: 0, max: OUTLOOK_REWRITES.length - 1 }), { minLength: 1, maxLength: 4 })
  .map(
    (steps) => (html: string) =>
      steps.reduce((acc, step) => (OUTLOOK_REWRITES[step] as (h: string) => string)(acc), html),
  );

/** Foreign meeting blocks as Outlook and others write them. */
export const foreignBlock = fc.constantFrom(
  `<div><div>${"_".repeat(80)}</div><div><a href="https://teams.microsoft.com/l/meetup-join/19%3ameeting_QUJD%40thread.v2/0?context=%7b%7d">Join the meeting now</a></div><div>Meeting ID: 371 245 886 102</div><div>${"_".repeat(80)}</div></div>`,
  `<p><a href="https://meet.lync.com/regionexempel/karl.nilsson/ABC123">Join Skype Meeting</a></p><p>Trouble Joining? <a href="https://meet.lync.com/regionexempel/karl.nilsson/ABC123?sl=1">Try Skype Web App</a></p>`,
  `<div>Join Zoom Meeting<br><a href="https://zoom.us/j/81234567890">https://zoom.us/j/81234567890</a><br>Meeting ID: 812 3456 7890</div>`,
  `<p><a href="https://regionexempel.webex.com/regionexempel/j.php?MTID=m0123">Join meeting</a></p>`,
);
