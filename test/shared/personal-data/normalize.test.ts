import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeForScan } from "../../../src/shared/personal-data/normalize";

const CHARS = [
  "a",
  "Å",
  "1",
  " ",
  "-",
  "\t",
  "\u00a0",
  "\u00ad",
  "\u2013",
  "\u2212",
  "\u200d",
  "\uff11",
  "\uff21",
  "\u3000",
  "\ufeff",
  "\u200b",
  "\u00e9",
];
const unitWise = (text: string) => text.split("").map(normalizeForScan).join("");

describe("normalizeForScan", () => {
  it("maps each code unit alone, whether the text has few special characters or many", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...CHARS), { maxLength: 200 }),
        fc.integer({ min: 0, max: 400 }),
        (chars, plain) => {
          // A run of plain text makes the special characters sparse (patched in with slices),
          // none makes them dense (rewritten in one typed array).
          const text = "x".repeat(plain) + chars.join("");
          const out = normalizeForScan(text);
          expect(out.length).toBe(text.length);
          expect(out).toBe(unitWise(text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("writes a body's dashes and no-break spaces as ASCII and keeps a text without any as it is", () => {
    expect(normalizeForScan("kl. 14.30\u201315.00,\u00a0rum 3")).toBe("kl. 14.30-15.00, rum 3");
    const plain = "Inget särskilt här";
    expect(normalizeForScan(plain)).toBe(plain);
    expect(normalizeForScan("\uff11\uff19\uff11\uff12")).toBe("1912");
  });
});
