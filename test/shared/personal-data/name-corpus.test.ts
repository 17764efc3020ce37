import { describe, expect, it } from "vitest";
import { findPersonalData } from "../../../src/shared/personal-data";
import { nameCorpus } from "../../fixtures/names/corpus";
import { scoreNames } from "../../fixtures/names/evaluate";
import { HELD_OUT, TUNE } from "../../fixtures/names/templates";

// The scanner's rules were tuned on the "tune" half only; the held-out half is what the issue's
// goal is measured on (npm run bench prints both). This file runs with the core lexicon, the one
// the send check ships; the pane's full lexicon only finds more (name-corpus-full.test.ts).
const heldOut = nameCorpus("heldout");
const tune = nameCorpus("tune");

describe("the name corpus", () => {
  it("has at least 1,000 texts with names and 300 clean texts in each half", () => {
    for (const half of [tune, heldOut]) {
      expect(half.withNames.length).toBeGreaterThanOrEqual(1000);
      expect(half.clean.length).toBeGreaterThanOrEqual(300);
    }
  });

  it("shares no name, template or place between the halves", () => {
    const namesOf = (c: typeof tune) => new Set(c.withNames.flatMap((t) => t.names));
    const tuneNames = namesOf(tune);
    expect([...namesOf(heldOut)].filter((n) => tuneNames.has(n))).toEqual([]);
    const tuneTemplates = new Set([...TUNE.withName, ...TUNE.clean]);
    expect([...HELD_OUT.withName, ...HELD_OUT.clean].filter((t) => tuneTemplates.has(t))).toEqual(
      [],
    );
  });

  it("is the same on every run", () => {
    expect(nameCorpus("heldout")).toEqual(heldOut);
  });
});

describe("names on the held-out half (send check's core lexicon)", () => {
  const score = scoreNames(heldOut, findPersonalData);

  it("finds at least 95 % of the names", () => {
    expect(score.namesFound / score.names).toBeGreaterThanOrEqual(0.95);
  });

  it("flags at most 2 % of the clean texts", () => {
    expect(score.cleanFlagged / score.clean).toBeLessThanOrEqual(0.02);
  });

  it("still finds every identity number and invents none", () => {
    expect(score.identity).toBeGreaterThan(50);
    expect(score.identityFound).toBe(score.identity);
    expect(score.identityFalse).toBe(0);
  });
});
