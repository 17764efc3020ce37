import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generate } from "../../scripts/lexicon/generate-names";

describe("the generated name lexicon", () => {
  it("is what scripts/lexicon/generate-names.ts makes of its sources", () => {
    const { core, full } = generate();
    const read = (f: string) => readFileSync(`src/shared/personal-data/${f}`, "utf8");
    expect(read("name-lexicon-core.ts") === core, "run the generator").toBe(true);
    expect(read("name-lexicon-full.ts") === full, "run the generator").toBe(true);
  });

  it("knows given names and surnames of Swedish and other origins", () => {
    const { core } = generate();
    for (const name of ["anna", "karin", "mohammad", "ali", "fatima", "lars"])
      expect(core).toContain(` ${name} `);
    for (const name of ["andersson", "nguyen", "yilmaz", "hassan"]) expect(core).toContain(name);
  });
});
