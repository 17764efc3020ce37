import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeCharRefs } from "../../../src/shared/html";
import { htmlEscape } from "../../../src/shared/invitation";

// Cases from the WHATWG tokenizer's character reference states (HTML § 13.2.5.72–80) and the
// html5lib tokenizer tests' entities.test.
describe("character references in text", () => {
  it("reads named references with ';' and the legacy ones without", () => {
    expect(decodeCharRefs("V&auml;ster&aring;s &amp; G&ouml;teborg")).toBe("Västerås & Göteborg");
    expect(decodeCharRefs("a&nbspb &amp c &copy2026 &AMP;")).toBe("a\u00a0b & c ©2026 &");
    // Names that need ";" are left as written without it.
    expect(decodeCharRefs("&hellip &ndash &commat")).toBe("&hellip &ndash &commat");
  });

  it("matches the longest name, as a browser does", () => {
    expect(decodeCharRefs("&noti; &notit; &not; &ampx &lt3 &timesx &notin")).toBe(
      "¬i; ¬it; ¬ &x <3 ×x ¬in",
    );
    // A longer name outside the subset stays whole, not "¬in;" or "×b;".
    expect(decodeCharRefs("&notin; &timesb; &ltimes;")).toBe("&notin; &timesb; &ltimes;");
  });

  it("leaves unknown names and lone ampersands as written", () => {
    expect(decodeCharRefs("&bogus; & &; &# &#x; &#xg; Q&A")).toBe("&bogus; & &; &# &#x; &#xg; Q&A");
    expect(decodeCharRefs("&constructor; &toString; &__proto__;")).toBe(
      "&constructor; &toString; &__proto__;",
    );
  });

  it("reads numeric references with or without ';'", () => {
    expect(decodeCharRefs("&#229;&#xE5;&#Xe5;&#229 &#x2013x")).toBe("åååå –x");
    expect(
      decodeCharRefs("&#49;&#57;&#49;&#50;&#49;&#50;&#49;&#50;&#45;&#49;&#50;&#49;&#50;"),
    ).toBe("19121212-1212");
  });

  it("reads 0, surrogates and numbers beyond U+10FFFF as U+FFFD", () => {
    expect(decodeCharRefs("&#0;|&#xD800;|&#xDFFF;|&#x110000;|&#99999999999999999999;")).toBe(
      "\ufffd|\ufffd|\ufffd|\ufffd|\ufffd",
    );
  });

  it("reads 0x80–0x9F as the Windows-1252 characters a browser shows", () => {
    expect(decodeCharRefs("&#128;&#x85;&#150;&#x96;&#151;&#153;&#x9F;")).toBe("€…––—™Ÿ");
    // Where Windows-1252 has nothing, the code point stays.
    expect(decodeCharRefs("&#x81;&#x8D;&#x9D;")).toBe("\u0081\u008d\u009d");
  });
});

describe("character references in attribute values", () => {
  it("leave a legacy name without ';' alone before '=' or a letter or digit", () => {
    expect(decodeCharRefs("?a=1&copy=2&amp;b=3", true)).toBe("?a=1&copy=2&b=3");
    expect(decodeCharRefs("?x&notit=1&ampy", true)).toBe("?x&notit=1&ampy");
    expect(decodeCharRefs("&amp &copy. &lt", true)).toBe("& ©. <");
  });

  it("read names with ';' as in text", () => {
    expect(decodeCharRefs("&hellip;&noti;&amp;", true)).toBe("…&noti;&");
  });
});

describe("decodeCharRefs", () => {
  it("undoes htmlEscape for any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        expect(decodeCharRefs(htmlEscape(text))).toBe(text);
        expect(decodeCharRefs(htmlEscape(text), true)).toBe(text);
      }),
    );
  });
});
