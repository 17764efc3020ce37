import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { attributes, getAttribute, tokenize, type TokenizeInfo } from "../../../src/shared/html";

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
