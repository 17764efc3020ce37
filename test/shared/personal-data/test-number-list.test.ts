import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateTestNumbers } from "../../../scripts/lexicon/generate-test-numbers";
import { findPersonalData } from "../../../src/shared/personal-data";
import { loadFullNameLexicon } from "../../../src/shared/personal-data/name-lexicon-pane";
import { isSkatteverketTestNumberTen } from "../../../src/shared/personal-data/test-numbers";

// Skatteverket's published test personnummer (open data, CC0): every one, as the task pane sees
// it (its engine chunk loads the list; its own file, because the list is module state).
const LIST = readFileSync("scripts/lexicon/sources/skatteverket-testpersonnummer.txt", "utf8")
  .split("\n")
  .filter((l) => /^\d{12}$/.test(l));

loadFullNameLexicon();

describe("Skatteverket's list of test personnummer", () => {
  it("is the whole published list, 1890-2023", () => {
    expect(LIST.length).toBe(21726);
    expect(LIST[0]?.slice(0, 4)).toBe("1890");
    expect(LIST.at(-1)?.slice(0, 4)).toBe("2023");
  });

  it("is what the generator makes of its source", () => {
    const file = readFileSync("src/shared/personal-data/test-number-list.ts", "utf8");
    expect(file === generateTestNumbers(), "run scripts/lexicon/generate-test-numbers.ts").toBe(
      true,
    );
  });

  it("finds every number, blocked and flagged as a test number, with and without a hyphen", () => {
    const wrong: string[] = [];
    for (const n of LIST) {
      for (const text of [`${n.slice(0, 8)}-${n.slice(8)}`, n]) {
        const found = findPersonalData(`Pnr ${text}`);
        const f = found[0];
        if (
          found.length !== 1 ||
          f?.kind !== "personnummer" ||
          f.severity !== "block" ||
          f.match !== text ||
          f.testNumber !== true
        )
          wrong.push(text);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("knows the century of a 10-digit number from its separator", () => {
    const wrong = LIST.filter((n) => {
      const year = Number(n.slice(0, 4));
      const separator = year <= 1926 ? "+" : "-";
      return !isSkatteverketTestNumberTen(n.slice(2), separator, 2026);
    });
    expect(wrong).toEqual([]);
  });

  it("does not flag a valid number that is not on the list", () => {
    // 1890-01-01 with serial 123 (check digit 9): valid, born before 1900, not listed.
    const found = findPersonalData("18900101-1239");
    expect(found.map((f) => [f.kind, f.testNumber])).toEqual([["personnummer", false]]);
  });
});
