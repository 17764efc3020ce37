import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findPersonalData } from "../../../src/shared/personal-data";

// The send check scans the whole body (our block included) for identity numbers only, and the
// text outside the block for everything: `only: "block"` must give exactly the blocking
// findings of a full scan, whatever else surrounds and overlaps them.
const PIECES = [
  "19121212-1212",
  "191212121212",
  "701063-2391",
  "0701740607",
  "070-174 06 05",
  "Karin Holm",
  "patient Lisa Berg",
  "Storgatan 12",
  "722 12 Västerås",
  "https://vmr.example.se/?pnr=191212121212",
  "sip:1212121212@vmr.example.se",
  "Mötes-ID 346 012 345 67",
  "anna@example.com",
  "kl. 14.30–15.00",
  "\u200b",
  " ",
  ", ",
  "\n",
  "Ring ",
];

describe("findPersonalData with only: block", () => {
  it("gives exactly the blocking findings of a full scan", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), (pieces) => {
        const text = pieces.join("");
        const full = findPersonalData(text).filter((f) => f.severity === "block");
        expect(findPersonalData(text, { only: "block" })).toEqual(full);
      }),
      { numRuns: 400 },
    );
  });

  it("still finds a personnummer in a body with nothing else blocking", () => {
    const found = findPersonalData("Samtal om Karin Holm, 19121212-1212, Storgatan 12", {
      only: "block",
    });
    expect(found.map((f) => [f.kind, f.match])).toEqual([["personnummer", "19121212-1212"]]);
  });

  it("rejects an unknown value", () => {
    expect(() => findPersonalData("x", { only: "warn" as "block" })).toThrow();
  });
});
