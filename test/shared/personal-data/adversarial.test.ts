import { describe, expect, it } from "vitest";
import { findPersonalData, htmlToText } from "../../../src/shared/personal-data";
import { adversarialInputs, fill, MEGABYTE, realisticBody } from "./adversarial-inputs";

// Results on 1 MB worst cases. Their timings are in scripts/bench-shared-scanner.ts; here only
// that the answers are right (and, by finishing at all, that nothing is quadratic).
const inputs = new Map(adversarialInputs().map((i) => [i.name, i]));
const scan = (name: string) => {
  const input = inputs.get(name);
  if (!input) throw new Error(`no input ${name}`);
  const text = input.html ? htmlToText(input.text) : input.text;
  return { text, found: findPersonalData(text) };
};

describe("1 MB adversarial inputs", () => {
  it.each([
    "one digit run",
    "digits with dashes",
    "digit pairs with spaces",
    "zeros with spaces",
    "date and dash chains",
    "plus and digits",
    "full-width digits",
    "invisible between digits",
    "at signs",
    "long mailbox and domain",
    "link prefixes",
    "patient triggers",
    "street names",
  ])("finds nothing in %s", (name) => {
    expect(scan(name).found).toEqual([]);
  });

  it("finds every one of 95 000 test numbers in a row, each with its span", () => {
    const { text, found } = scan("10-digit test numbers");
    expect(found).toHaveLength(Math.ceil(MEGABYTE / 11));
    expect(found.every((f) => f.kind === "personnummer" && f.testNumber === true)).toBe(true);
    expect(found.every((f, i) => f.start === i * 11 && f.end === i * 11 + 10)).toBe(true);
    expect(text.slice(found[found.length - 1]?.start)).toBe("1212121212 ");
  });

  it("finds each number in a chain of separators", () => {
    const { found } = scan("serial chains");
    expect(found).toHaveLength(Math.ceil(MEGABYTE / 14));
    expect(found.every((f) => f.match === "19121212-1212")).toBe(true);
  });

  it("reads a long run of capitalised words after triggers as names, nothing else", () => {
    const { found } = scan("capitalised words");
    expect(found.length).toBeGreaterThan(30_000);
    expect(
      found.every((f) => f.kind === "name" && /^(Ang|Anna)( (Ang|Anna))*$/.test(f.match)),
    ).toBe(true);
  });

  it("finds nothing among 10 000 capitalised ordinary words", () => {
    const { text, found } = scan("10 000 capitalised words");
    expect(text.split("Rutiner").length - 1).toBeGreaterThanOrEqual(10_000);
    expect(found).toEqual([]);
  });

  it("reads a body of only names as names, four to a line, nothing else", () => {
    const { text, found } = scan("only names");
    const units = text.length / "Karin Holm Per Ek Ali Hassan Britt-Marie Lund ".length;
    expect(found.map((f) => f.match).slice(0, 4)).toEqual([
      "Karin Holm",
      "Per Ek",
      "Ali Hassan",
      "Britt-Marie Lund",
    ]);
    expect(found).toHaveLength(units * 4);
    expect(found.every((f) => f.kind === "name")).toBe(true);
  });

  it.each(["Cyrillic look-alikes", "zero-width joiners in names"])(
    "finds the name disguised with %s every time, as written",
    (name) => {
      const { text, found } = scan(name);
      const units = text.split("Besök ").length - 1;
      expect(found).toHaveLength(units);
      expect(found.every((f) => f.kind === "name" && f.match.length >= 10)).toBe(true);
      expect(found[0]?.match).toBe(text.slice(6, text.indexOf(" inför")));
    },
  );

  it("keeps the text inside 40 000 nested elements", () => {
    const { text, found } = scan("nested tags");
    expect(text).toBe("19121212-1212");
    expect(found.map((f) => f.kind)).toEqual(["personnummer"]);
  });

  it.each(["many <", "unclosed tags", "ampersands", "half entities", "unterminated comments"])(
    "reads %s as text, not markup",
    (name) => {
      const input = inputs.get(name);
      const { text, found } = scan(name);
      expect(text.replace(/ /g, "")).toBe(input?.text.replace(/ /g, ""));
      expect(found).toEqual([]);
    },
  );

  it("decodes 200 000 numeric entities into one digit run and an unterminated <style> into nothing", () => {
    expect(scan("numeric entities").text).toBe("1".repeat(Math.ceil(MEGABYTE / 5)));
    expect(scan("unterminated style").text).toBe("");
  });

  it("still finds a personnummer after 1 MB of noise", () => {
    const tail = " Gäller 19121212-1212.";
    for (const noise of [fill("1"), fill("1-"), fill("0 "), fill("a@"), fill("Ang Anna ")]) {
      const found = findPersonalData(noise + tail).filter((f) => f.severity === "block");
      expect(found.at(-1)?.match).toBe("19121212-1212");
    }
    for (const noise of [fill("<"), fill("<!--"), fill("<a "), fill("&#"), fill("<div>")]) {
      const found = findPersonalData(htmlToText(noise + tail)).filter(
        (f) => f.severity === "block",
      );
      expect(found.at(-1)?.match).toBe("19121212-1212");
    }
  });

  it("finds the patient details in a realistic 1 MB Outlook body and nothing else", () => {
    const body = realisticBody();
    expect(body.length).toBeGreaterThanOrEqual(MEGABYTE);
    const found = findPersonalData(htmlToText(body), { organisationDomains: ["region.example"] });
    const kinds = new Set(found.map((f) => `${f.kind}:${f.match}`));
    expect([...kinds].sort()).toEqual([
      "name:Anna Andersson",
      "personnummer:19121212-1212",
      "phone:070-174 06 05",
    ]);
    expect(found.length % 3).toBe(0);
  });
});
