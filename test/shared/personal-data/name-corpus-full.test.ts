import { describe, expect, it } from "vitest";
import { findPersonalData } from "../../../src/shared/personal-data";
import { loadFullNameLexicon } from "../../../src/shared/personal-data/name-lexicon-pane";
import { nameCorpus } from "../../fixtures/names/corpus";
import { scoreNames } from "../../fixtures/names/evaluate";

// The task pane loads SCB's full given-name list (its own file: the lexicon is module state).
loadFullNameLexicon();
const score = scoreNames(nameCorpus("heldout"), findPersonalData);

describe("names on the held-out half (task pane's full lexicon)", () => {
  it("finds at least 95 % of the names", () => {
    expect(score.namesFound / score.names).toBeGreaterThanOrEqual(0.95);
  });

  // Measured 7 of 300 (2.3 %) when the rules were frozen: the full list's 24,000 given names
  // include words of the held-out clean texts, and the tune half showed none of them (0 of
  // 5,000), so this misses the 2 % goal that the send check's core lexicon meets. Pinned as
  // measured so that it cannot get worse unnoticed; not tuned against.
  it("flags at most 7 of the 300 clean texts", () => {
    expect(score.cleanFlagged).toBeLessThanOrEqual(7);
  });

  it("still finds every identity number and invents none", () => {
    expect(score.identityFound).toBe(score.identity);
    expect(score.identityFalse).toBe(0);
  });
});
