import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseHtml } from "../../../src/dev/harness/html/parse";
import { htmlToText as harnessText } from "../../../src/dev/harness/html/text";
import { invitationBlockRanges, removeInvitationBlock } from "../../../src/shared/invitation/block";
import { parseDocument } from "../../../src/shared/invitation/document";
import { htmlToText } from "../../../src/shared/personal-data";
import { block, outlookRewrite, splitBody } from "../invitation/arbitraries";

// The body as each former reader's successor reads it: the personal-data scanner's text, the
// block engine's lines and the harness's Body.getAsync(Text). Line breaks and runs of white space
// are each reader's own business (the engine trims its lines, the harness keeps cells apart with
// tabs), so what is compared is the words, line by line.
const words = (text: string) =>
  text
    .split("\n")
    .map((line) => line.replace(/[\s\u00a0]+/g, " ").trim())
    .filter((line) => line !== "")
    .join("\n");
const scanner = (html: string) => words(htmlToText(html));
const engine = (html: string) =>
  words(
    parseDocument(html)
      .lines.map((l) => l.text)
      .join("\n"),
  );
const harness = (html: string) => words(harnessText(parseHtml(html)));

// Where the three former readers disagreed (found by running them side by side on the bodies in
// test/fixtures and on generated ones before they were replaced). Each row: the body, the text
// all three now read, and what the former readers read (scanner / engine / harness).
const DISAGREEMENTS: Array<[html: string, text: string, before: string]> = [
  ["&noti; &notit", "¬i; ¬it", "&noti; &notit in all three (a legacy name at the start)"],
  ["Anna&nbsp", "Anna", "scanner Anna, engine and harness Anna&nbsp"],
  ["&amp Co &ampx", "& Co &x", "scanner & Co &ampx, engine and harness &amp Co &ampx"],
  ["a&#0;b", "a\ufffdb", "scanner a\ufffdb, engine a&#0;b, harness a&#0;b"],
  ["a&#xD800;b", "a\ufffdb", "scanner a\ufffdb, engine a&#xD800;b, harness a lone surrogate"],
  ["&#128;10 &#150; &#x80", "€10 – €", "U+0080 and U+0096 (invisible controls) or as written"],
  [
    "&hellip; &commat; &middot;",
    "… @ ·",
    "harness &hellip; &commat; &middot; (its own small table)",
  ],
  ["a</ x>b</>c", "abc", "scanner a</ x>b</>c: a bogus comment read as text"],
  ['<a title="x>y">z</a>', "z", 'scanner y">z: the quoted ">" ended the tag'],
  ["<style>a</styles>b</style>c", "c", "engine and scanner ended the style at </styles"],
  ["<!-->x", "x", "engine: a comment to the end (only -->, not <!-->, ended one)"],
  ["<!--a--!>b", "b", "engine and scanner: a comment to the end (--!> ended none)"],
  ["<iframe>19121212-1212</iframe>ok", "ok", "scanner and harness read iframe content as text"],
  ["<p>a<summary>b</summary>c</p>", "a\nb\nc", "engine: one line abc (summary was no block to it)"],
];

describe("one HTML reader: the former readers' disagreements", () => {
  it.each(DISAGREEMENTS)("%j reads %j in the scanner, the engine and the harness", (html, text) => {
    expect(scanner(html)).toBe(text);
    expect(engine(html)).toBe(text);
    expect(harness(html)).toBe(text);
  });

  it("reads the same words in a real Word body (the harness once left &middot; as written)", async () => {
    const { readFileSync } = await import("node:fs");
    const html = readFileSync("test/fixtures/bodies/classic-word.html.txt", "utf8");
    expect(harness(html)).toContain(
      "=== Skyddat vårdmöte · 3f2b8c1e-9a4d-4e7b-8c21-5d6f7a8b9c0d ===",
    );
    expect(harness(html)).toBe(scanner(html));
  });
});

// Generated bodies: well-nested elements (a stray end tag is the harness tree's business, as in
// a browser) around the leaves mail bodies are made of, malformed ones included. Table cells,
// <title>/<textarea> and markup that never closes are left out: there the readers differ on
// purpose (the scanner reads cells side by side and rereads what never closes; the engine shows
// only what a browser shows). A "<" stands before a space: before a letter it opens an element
// that never closes, and the harness's tree closes those its own way.
const LEAVES = [
  "<br>",
  "<style>x{}</style>",
  "<script>1</script>",
  "<iframe>2</iframe>",
  "<!--c-->",
  "<!-->",
  "<![if x]>",
  "<?x?>",
  "</ x>",
  "<img src=x>",
  "<o:p></o:p>",
  "<o:p/>",
  "&amp",
  "&amp;",
  "&ampx",
  "&nbsp",
  "&nbsp;",
  "&notin;",
  "&noti;",
  "&#0;",
  "&#128;",
  "&#x80",
  "&#xD800;",
  "&commat;",
  "&hellip;",
  "&alpha;",
  "&",
  "1 < 2",
  ">",
  "=",
  '"',
  "Anna",
  "Holm",
  "12",
  "å",
  " ",
  "\n",
];
// Elements that may hold any of these (a <p> or <li> closes itself and others, which each tree
// builder does its own way: those stand around leaves only).
const OPEN_TAGS = [
  "div",
  "b",
  "span style='a:b'",
  "blockquote",
  "caption",
  "summary",
  "a href='https://a.example/?a=1&copy=2'",
  'font color="#7f7f7f"',
];

const { body } = fc.letrec((tie) => ({
  body: fc.array(tie("node"), { maxLength: 6 }).map((nodes) => (nodes as string[]).join("")),
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom(...LEAVES),
    fc
      .tuple(
        fc.constantFrom("p", "h1", "li"),
        fc.array(fc.constantFrom(...LEAVES), { maxLength: 4 }),
      )
      .map(([tag, inner]) => `<${tag}>${inner.join("")}</${tag}>`),
    fc
      .tuple(fc.constantFrom(...OPEN_TAGS), tie("body"))
      .map(([tag, inner]) => `<${tag}>${inner as string}</${tag.split(" ")[0] ?? ""}>`),
  ),
}));

describe("one HTML reader: generated bodies", () => {
  it("the scanner, the engine and the harness read the same words", () => {
    fc.assert(
      fc.property(body, (html) => {
        const text = scanner(html);
        expect(engine(html)).toBe(text);
        expect(harness(html)).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("one reading per send check", () => {
  it("the text outside our block, read with its range left out, is the text of the body without it", () => {
    fc.assert(
      fc.property(splitBody, block, outlookRewrite, ([before, after], b, rewrite) => {
        const html = rewrite(`${before}${b.html}${after}`);
        const ranges = invitationBlockRanges(html, b.bookingId);
        expect(htmlToText(html, ranges)).toBe(htmlToText(removeInvitationBlock(html, b.bookingId)));
      }),
      { numRuns: 300 },
    );
  });
});
