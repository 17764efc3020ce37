import { describe, expect, it } from "vitest";
import { findPersonalData } from "../../../src/shared/personal-data";
import { loadFullNameLexicon } from "../../../src/shared/personal-data/name-lexicon-pane";

// The task pane's full lexicon knows every locality and 24,000 given names, many of them both
// ("Mora", "Sala", "Kinna", "Åsa"). Its own file: the lexicon is module state.
loadFullNameLexicon();

const names = (text: string) =>
  findPersonalData(text)
    .filter((f) => f.kind === "name")
    .map((f) => f.match);

describe("names with the task pane's full lexicon", () => {
  it.each([
    "Jourlinjen Sala Gripenberg",
    "Pendelbuss Kinna Hofors",
    "Samordning Vilhelmina Lindesberg",
    "Möte om Mora Hälsocentral",
    "Möte om Lilla Stenby hälsocentral",
    "Information om Eda Glasbruk Hälsocentral",
  ])("reads two places as places in %j", (text) => {
    expect(names(text)).toEqual([]);
  });

  it.each([
    ["Besök Åsa Lund inför operation", "Åsa Lund"],
    ["Samtal om Åsa Lund", "Åsa Lund"],
    ["Telefonuppföljning Mora Karlsson", "Mora Karlsson"],
    ["Återbesök Kinna Norberg", "Kinna Norberg"],
  ])("still finds a person whose given name is also a place in %j", (text, name) => {
    expect(names(text)).toEqual([name]);
  });
});
