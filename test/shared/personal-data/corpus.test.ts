import { describe, expect, it } from "vitest";
import { findPersonalData, htmlToText, PersonalDataKind } from "../../../src/shared/personal-data";
import { CORPUS, scoreCorpus } from "../../fixtures/corpus/evaluate";

// What the scanner achieved on the corpus when this was written (scripts/scanner-report.ts).
// Raise these when the scanner improves; a drop below them is a regression.
const PINNED: Record<PersonalDataKind, { precision: number; recall: number }> = {
  personnummer: { precision: 1, recall: 1 },
  samordningsnummer: { precision: 1, recall: 1 },
  reservnummer: { precision: 1, recall: 1 },
  phone: { precision: 1, recall: 1 },
  email: { precision: 1, recall: 1 },
  address: { precision: 1, recall: 0.972 },
  name: { precision: 0.95, recall: 1 },
};

const score = scoreCorpus();

describe("the labelled corpus", () => {
  it("has at least 300 Swedish invitation texts, clean ones and ones with every kind", () => {
    expect(score.entries).toBeGreaterThanOrEqual(300);
    expect(score.cleanEntries).toBeGreaterThanOrEqual(100);
    for (const kind of PersonalDataKind.options) {
      const labelled = CORPUS.flatMap((e) => e.expect).filter(([k]) => k === kind).length;
      expect(labelled, kind).toBeGreaterThanOrEqual(10);
    }
  });

  it("uses only the identity numbers and phone numbers the fixture rules allow", () => {
    for (const entry of CORPUS) {
      const text = entry.html ? htmlToText(entry.text) : entry.text;
      for (const f of findPersonalData(text)) {
        const digits = f.match.normalize("NFKC").replace(/\D/g, "");
        if (f.kind === "personnummer" || f.kind === "samordningsnummer") {
          const allowed =
            digits.endsWith("1212121212") ||
            digits.endsWith("7010632391") ||
            (digits.length === 12 && digits.startsWith("18")) ||
            (digits.length === 10 && f.match.includes("+"));
          expect(allowed, `${entry.id}: ${f.match}`).toBe(true);
        }
        if (f.kind === "phone" && !f.match.startsWith("+999")) {
          expect(digits, `${entry.id}: ${f.match}`).toMatch(/7017406\d\d$/);
        }
      }
    }
  });
});

describe("the scanner on the corpus", () => {
  it("finds every identity number with its exact span", () => {
    for (const kind of ["personnummer", "samordningsnummer", "reservnummer"] as const) {
      const k = score.byKind.find((s) => s.kind === kind);
      expect(k?.falseNegatives, kind).toBe(0);
      expect(k?.recall, kind).toBe(1);
    }
  });

  it("never blocks a text that has no identity number", () => {
    expect(score.falseBlocksOnClean).toEqual([]);
  });

  it.each(PersonalDataKind.options)("keeps precision and recall for %s", (kind) => {
    const k = score.byKind.find((s) => s.kind === kind);
    expect(k?.precision).toBeGreaterThanOrEqual(PINNED[kind].precision);
    expect(k?.recall).toBeGreaterThanOrEqual(PINNED[kind].recall);
  });
});
