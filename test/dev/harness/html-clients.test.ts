import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  bodyText,
  contentHtml,
  insertIntoBody,
  normalizeBody,
  type ClientMode,
} from "../../../src/dev/harness/html/clients";
import { parseHtml } from "../../../src/dev/harness/html/parse";
import { serializeHtml } from "../../../src/dev/harness/html/serialize";

const BLOCK = `<div id="svm-block" class="svm" data-booking="b1"><p>Anslut: <a href="https://node.example/webapp/m/123">länk</a></p></div>`;

describe("the HTML parser", () => {
  it("serializes untouched markup back byte for byte", () => {
    const samples = [
      `<p class="a">Hej &amp; välkommen<br>rad två</p>`,
      `<table><tr><td nowrap>1</td></tr></table>`,
      `<!--[if gte mso 9]><xml>x</xml><![endif]--><p>a</p>`,
      `<style>p > a { color: red }</style><p>b</p>`,
    ];
    for (const html of samples) expect(serializeHtml(parseHtml(html))).toBe(html);
  });

  it("never throws on arbitrary input", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(typeof serializeHtml(parseHtml(s))).toBe("string");
      }),
    );
  });
});

describe("Outlook on the web's rewrite", () => {
  const web = (html: string) => normalizeBody("web", html);

  it("strips class and data-*, prefixes ids with x_, keeps links", () => {
    const out = web(BLOCK);
    expect(out).toContain(`id="x_svm-block"`);
    expect(out).not.toContain(`class="svm"`);
    expect(out).not.toContain("data-booking");
    expect(out).toContain(`<a href="https://node.example/webapp/m/123">länk</a>`);
  });

  it("dissolves an id-less div into an elementToProof paragraph with OWA's font span (#5482)", () => {
    const out = web(`<div style="color: red"><p>Hello</p></div>`);
    expect(out).toMatch(
      /^<p><span style="font-family: Aptos[^"]*font-size: 12pt; color: red;">Hello<\/span><\/p>/,
    );
    const inline = web(`<div>Hej</div>`);
    expect(inline).toMatch(/^<p class="elementToProof"><span style="font-family: Aptos[^"]*">Hej/);
  });

  it("keeps one trailing caret paragraph and is idempotent", () => {
    const once = web(BLOCK);
    expect(once.match(/<br><\/div>$/g)).toHaveLength(1);
    expect(web(once)).toBe(once);
    expect(web(web(`<div>a</div>text<p>b <b>c</b></p>`))).toBe(
      web(`<div>a</div>text<p>b <b>c</b></p>`),
    );
  });

  it("appends before the caret paragraph instead of growing a new one each time", () => {
    let body = web("<p>start</p>");
    for (let i = 0; i < 3; i++) body = insertIntoBody("web", body, `<p>rad ${i}</p>`, "end");
    expect(body.match(/<br><\/div>/g)).toHaveLength(1);
    expect(bodyText(body)).toBe("start\nrad 0\nrad 1\nrad 2");
  });
});

describe("classic Outlook's Word document", () => {
  const classic = (html: string) => normalizeBody("classic", html);

  it("returns a Word-made document with MsoNormal paragraphs", () => {
    const out = classic(`<div>Hej</div><p>Rad</p>`);
    expect(out).toMatch(/^<html xmlns:v="urn:schemas-microsoft-com:vml"/);
    expect(out).toContain(`<meta name=Generator content="Microsoft Word 15 (filtered medium)">`);
    expect(out).toContain("p.MsoNormal, li.MsoNormal, div.MsoNormal");
    expect(out).toContain("<!--[if gte mso 9]>");
    expect(out).toContain(`<div class=WordSection1>`);
    expect(out).toContain(`<p class=MsoNormal>Hej<o:p></o:p></p>`);
    expect(out).toContain(`<p class=MsoNormal>Rad<o:p></o:p></p>`);
  });

  it("keeps ids, drops foreign classes and data-*, and writes attributes Word's way", () => {
    const out = classic(BLOCK);
    expect(out).toContain(`<div id=svm-block>`);
    expect(out).not.toContain("data-booking");
    expect(out).toContain(`<a href='https://node.example/webapp/m/123'>länk</a>`);
  });

  it("has an empty paragraph for an empty body and is idempotent", () => {
    expect(classic("")).toContain(`<p class=MsoNormal><o:p>&nbsp;</o:p></p>`);
    const once = classic(BLOCK + "<p>efter</p>");
    expect(classic(once)).toBe(once);
    expect(contentHtml(once)).toContain("efter");
  });
});

describe("Outlook on Mac", () => {
  it("wraps the body in a whole document", () => {
    expect(normalizeBody("mac", "<p>a</p>")).toBe(
      "<html><head></head><body><p>a</p></body></html>",
    );
    const once = normalizeBody("mac", "<p>a</p>");
    expect(normalizeBody("mac", once)).toBe(once);
  });
});

describe("every client", () => {
  it.each<ClientMode>(["web", "classic", "mac"])(
    "%s keeps the text a reader sees, and prepends before existing content",
    (client) => {
      const body = normalizeBody(client, "<p>Första</p><div>Andra &amp; sista</div>");
      expect(bodyText(body)).toBe("Första\nAndra & sista");
      const prepended = insertIntoBody(client, body, "<p>Överst</p>", "start");
      expect(bodyText(prepended).split("\n")[0]).toBe("Överst");
    },
  );
});
