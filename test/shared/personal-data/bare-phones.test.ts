import { describe, expect, it } from "vitest";
import { findPersonalData } from "../../../src/shared/personal-data";

// PTS's fictional mobile numbers 070-174 06 05 … 070-174 06 99, written as bare digits: about
// one in five also reads as a samordningsnummer (2007-01-14, day + 60) with a valid check digit.
const MOBILES = Array.from({ length: 95 }, (_, i) => `07017406${String(i + 5).padStart(2, "0")}`);

describe("mobile numbers written as bare digits", () => {
  it.each(MOBILES)("%s is a phone number, never an identity number", (number) => {
    for (const text of [number, `Ring mottagningen på ${number}`, `${number} (mobil)`]) {
      const found = findPersonalData(text);
      expect(found.map((f) => [f.kind, f.match])).toEqual([["phone", number]]);
    }
  });

  it("still blocks a samordningsnummer written as bare digits", () => {
    const found = findPersonalData("Samordningsnummer 7010632391");
    expect(found.map((f) => [f.kind, f.match])).toEqual([["samordningsnummer", "7010632391"]]);
  });
});
