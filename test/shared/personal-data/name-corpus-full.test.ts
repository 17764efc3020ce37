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

  it("flags at most 2 % of the clean texts", () => {
    expect(score.cleanFlagged / score.clean).toBeLessThanOrEqual(0.02);
  });

  it("still finds every identity number and invents none", () => {
    expect(score.identityFound).toBe(score.identity);
    expect(score.identityFalse).toBe(0);
  });
});
