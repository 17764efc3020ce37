import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  attributes,
  decodeCharRefs,
  getAttribute,
  tokenize,
  type TokenizeInfo,
} from "../../../src/shared/html";

function kinds(html: string, unclosed: "swallow" | "reread" = "swallow"): string[] {
  return tokenize(html, { unclosed }).map((token) =>
    token.kind === "open" || token.kind === "close"
      ? `${token.kind}:${token.name}`
      : `${token.kind}:${html.slice(token.start, token.end)}`,
  );
}

const info = (): TokenizeInfo => ({ swallowFrom: -1, unclosed: false });

describe("the tokenizer (WHATWG rules)", () => {
  it("covers any input exactly, in order, both ways", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc
            .array(
              fc.constantFrom(
                "<",
                ">",
                "/",
                "!",
                "-",
                "?",
                '"',
                "'",
                "=",
                "a",
                "p",
                " ",
                "style",
                "&",
              ),
            )
            .map((parts) => parts.join("")),
        ),
        fc.constantFrom("swallow" as const, "reread" as const),
        (html, unclosed) => {
          let pos = 0;
          for (const token of tokenize(html, { unclosed })) {
            expect(token.start).toBe(pos);
            expect(token.end).toBeGreaterThan(token.start);
            pos = token.end;
          }
          expect(pos).toBe(html.length);
        },
      ),
    );
  });

  it("reads comments, doctypes and bogus comments", () => {
    expect(kinds("<!DOCTYPE html><!--a--><!-->b<!--->c<!--d--!>e<?xml x?><![CDATA[f]]>")).toEqual([
      "comment:<!DOCTYPE html>",
      "comment:<!--a-->",
      "comment:<!-->",
      "text:b",
      "comment:<!--->",
      "text:c",
      "comment:<!--d--!>",
      "text:e",
      "comment:<?xml x?>",
      "comment:<![CDATA[f]]>",
    ]);
    expect(kinds("a</ 1>b</>c")).toEqual([
      "text:a",
      "comment:</ 1>",
      "text:b",
      "comment:</>",
      "text:c",
    ]);
  });

  it("ends a raw-text element only at its own end tag", () => {
    expect(kinds("<style>a</styles>b</style >c")).toEqual([
      "open:style",
      "raw:a</styles>b",
      "close:style",
      "text:c",
    ]);
    expect(kinds("<TITLE>&amp; <b></Title>")).toEqual([
      "open:title",
      "raw:&amp; <b>",
      "close:title",
    ]);
    const [, title] = tokenize("<title>x</title>");
    const [, script] = tokenize("<script>x</script>");
    expect(title?.kind === "raw" && title.rcdata).toBe(true);
    expect(script?.kind === "raw" && script.rcdata).toBe(false);
  });

  it("reads quotes as the attribute states do", () => {
    expect(kinds('<a title="x>y" href=z>l</a>')).toEqual(["open:a", "text:l", "close:a"]);
    // A quote inside an unquoted value is part of it and quotes nothing.
    expect(kinds(`<a b=c"d>e</a>"`)).toEqual(["open:a", "text:e", "close:a", 'text:"']);
    expect(kinds("<p/><br/><o:p/>")).toEqual(["open:p", "open:br", "open:o:p"]);
    const [p] = tokenize("<p/>");
    expect(p?.kind === "open" && p.selfClosing).toBe(true);
    // "/" inside an unquoted value is part of the value, not "/>".
    const [a] = tokenize("<a href=x/>");
    expect(a?.kind === "open" && a.selfClosing).toBe(false);
  });

  it("keeps the rest of a body readable where a browser would swallow it, and says where", () => {
    const quotes = info();
    expect(kinds('<a href="x>y', "swallow")).toEqual(["open:a", "text:y"]);
    tokenize('t<a href="x>y', {}, quotes);
    expect(quotes.swallowFrom).toBe(1);
    const tag = info();
    expect(kinds("<p>end <b")).toEqual(["open:p", "text:end <b"]);
    tokenize("<p>end <b", {}, tag);
    expect(tag).toEqual({ swallowFrom: 7, unclosed: false });
  });

  it("runs an unclosed comment or raw-text element to the end, or rereads it", () => {
    const swallow = info();
    expect(kinds("x <!-- a <b>c</b>")).toEqual(["text:x ", "comment:<!-- a <b>c</b>"]);
    tokenize("x <!-- a <b>c</b>", {}, swallow);
    expect(swallow).toEqual({ swallowFrom: 2, unclosed: true });
    expect(kinds("x <!-- a <b>c</b>", "reread")).toEqual([
      "text:x <!-- a ",
      "open:b",
      "text:c",
      "close:b",
    ]);
    expect(kinds("<style>p{} <b>x", "swallow")).toEqual(["open:style", "raw:p{} <b>x"]);
    expect(kinds("<style>p{} <b>x", "reread")).toEqual([
      "open:style",
      "text:p{} ",
      "open:b",
      "text:x",
    ]);
  });
});

describe("attributes", () => {
  it("reads names and values quoted, unquoted, bare and in any case, the first of each", () => {
    const html = `<A ID=x_LPNoLP Href='https://a.example/?q=1&amp;r=2' data-x="1" checked id=second>`;
    const [token] = tokenize(html);
    if (token === undefined) throw new Error("no token");
    expect(attributes(html, token)).toEqual([
      { name: "id", value: "x_LPNoLP" },
      { name: "href", value: "https://a.example/?q=1&amp;r=2" },
      { name: "data-x", value: "1" },
      { name: "checked", value: null },
    ]);
    expect(getAttribute(html, token, "ID")).toBe("x_LPNoLP");
    expect(getAttribute(html, token, "checked")).toBe("");
    expect(getAttribute(html, token, "class")).toBeNull();
  });
});

// Moved from test/shared/invitation/tokenizer.test.ts with the tokenizer they test.
describe("tokenize", () => {
  it("covers the input exactly, in order", () => {
    const html =
      "<!DOCTYPE html><html><!--[if gte mso 9]><xml><o:x/></xml><![endif]--><body><p class=MsoNormal>a &lt; b<o:p></o:p></p><![if !supportLists]>·<![endif]></body></html>";
    const tokens = tokenize(html);
    let pos = 0;
    for (const token of tokens) {
      expect(token.start).toBe(pos);
      pos = token.end;
    }
    expect(pos).toBe(html.length);
  });

  it("treats Word's conditional comments and downlevel-revealed markup as comments", () => {
    expect(kinds("<![if !supportLists]>x<![endif]>")).toEqual([
      "comment:<![if !supportLists]>",
      "text:x",
      "comment:<![endif]>",
    ]);
    expect(kinds("<!--[if mso]><p>hidden</p><![endif]-->y")).toEqual([
      "comment:<!--[if mso]><p>hidden</p><![endif]-->",
      "text:y",
    ]);
  });

  it("keeps script and style content raw", () => {
    expect(kinds("<style>p > a { x: '<b>' }</style><p>t</p>")).toEqual([
      "open:style",
      "raw:p > a { x: '<b>' }",
      "close:style",
      "open:p",
      "text:t",
      "close:p",
    ]);
  });

  it("tolerates lone '<', quoted '>' and unterminated markup", () => {
    expect(kinds("a < b <3 c")).toEqual(["text:a < b <3 c"]);
    expect(kinds('<a title="x>y" href=z>l</a>')).toEqual(["open:a", "text:l", "close:a"]);
    expect(kinds("<p>end <b")).toEqual(["open:p", "text:end <b"]);
    expect(kinds("x <!-- never closed")).toEqual(["text:x ", "comment:<!-- never closed"]);
  });

  it("reads attributes quoted, unquoted and in any case", () => {
    const html = `<A ID=x_LPNoLP Href='https://a.example/?q=1&amp;r=2' data-x="1" checked>`;
    const [token] = tokenize(html);
    if (token === undefined) throw new Error("no token");
    expect(getAttribute(html, token, "id")).toBe("x_LPNoLP");
    expect(getAttribute(html, token, "href")).toBe("https://a.example/?q=1&amp;r=2");
    expect(getAttribute(html, token, "checked")).toBe("");
    expect(getAttribute(html, token, "class")).toBeNull();
  });
});

describe("decodeCharRefs (the block engine's former decodeEntities)", () => {
  it("decodes named, decimal and hex references and leaves unknown ones", () => {
    // "&#0;" reads as U+FFFD, as the WHATWG tokenizer and the scanner always read it (the block
    // engine alone once left it as written).
    expect(decodeCharRefs("v&aring;rdm&ouml;te &#8211; &#xE5; &nbsp;&amp;&bogus; &#0; &")).toBe(
      "vårdmöte – å \u00a0&&bogus; \ufffd &",
    );
  });

  it("leaves names of Object.prototype members as written", () => {
    // A plain-object lookup once turned "&constructor;" into "function Object() { … }".
    expect(decodeCharRefs("a &constructor; &toString; &hasOwnProperty; b")).toBe(
      "a &constructor; &toString; &hasOwnProperty; b",
    );
  });

  it("reads the same names as the personal-data scanner (one shared table)", () => {
    expect(decodeCharRefs("anna&commat;example&period;se &aacute;&ccedil;&minus;")).toBe(
      "anna@example.se áç\u2212",
    );
  });
});
