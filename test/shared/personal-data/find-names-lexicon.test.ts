import { describe, expect, it } from "vitest";
import { findPersonalData } from "../../../src/shared/personal-data";

const names = (text: string) =>
  findPersonalData(text)
    .filter((f) => f.kind === "name")
    .map((f) => f.match);

describe("names found without a trigger word", () => {
  it.each([
    ["Besök Karin Holm inför operation", "Karin Holm"],
    ["Per Ek – kontroll", "Per Ek"],
    ["Telefonuppföljning Ali Hassan", "Ali Hassan"],
    ["Vi träffar Britt-Marie Lund för genomgång", "Britt-Marie Lund"],
    ["Återbesök Holm, Karin", "Holm, Karin"],
    ["Fru Holm ringer om tiden", "Holm"],
    ["Samtal med Anna A. om provsvar", "Anna A."],
    ["Uppföljning Mohammad Yilmaz", "Mohammad Yilmaz"],
    ["Möte med Anna Maria Lindqvist", "Anna Maria Lindqvist"],
    ["Besök Aagot Karlsson", "Aagot Karlsson"],
    ["Kontroll Sara Berg-Lindqvist", "Sara Berg-Lindqvist"],
  ])("finds the name in %j", (text, name) => {
    expect(names(text)).toEqual([name]);
  });

  it.each([
    "Möte på Sahlgrenska om rutiner",
    "Vårdcentralen Eriksberg har ny telefontid",
    "Sankt Lars psykiatri, avdelning 5",
    "Astrid Lindgrens barnsjukhus, remiss",
    "Remiss till Danderyds sjukhus",
    "Utbildning i Lund och Falun",
    "Dokumentera i Cosmic och Take Care, hänvisa till 1177",
    "Maria Ungdom, mottagning",
    "Per telefon eller video",
    "Vänliga hälsningar\nKarl Nilsson\nSjuksköterska",
    "Kontakt: kurator Lisa Berg",
    "Anna Andersson, kurator, svarar på frågor",
    "Gällande Karin Boye-skolans elevhälsa",
    "Samling vid Olof Palmes gata",
    // Found while tuning (scripts/tune-names.ts, tune half only).
    "Överflyttning S:t Lars Hässleholm",
    "Pendelbuss Sankt Olof Varberg",
    "Information om Åsa Hälsocentral",
    "Pendelbuss Östra Bispgården–Norberg",
  ])("does not flag %j", (text) => {
    expect(names(text)).toEqual([]);
  });
});

describe("hostile input", () => {
  it("reads a name written with a Cyrillic look-alike or a zero-width joiner as the name", () => {
    expect(names("Besök \u0410nna Karlsson")).toEqual(["\u0410nna Karlsson"]);
    expect(names("Besök An\u200dna Karlsson")).toEqual(["An\u200dna Karlsson"]);
  });

  it("handles a 1 MB body of capitalised words and one of only names", () => {
    const capitalised = "Ordet Mötet Planen Rummet Tiden ".repeat(1024 * 32).slice(0, 1 << 20);
    expect(names(capitalised)).toEqual([]);
    const onlyNames = "Karin Holm ".repeat(100_000);
    const found = names(onlyNames);
    expect(found.length).toBe(100_000);
    expect(found[0]).toBe("Karin Holm");
  });
});
