import { describe, expect, it } from "vitest";
import { findPersonalData, scanAppointment } from "../../../src/shared/personal-data";

const names = (text: string, staffNames: string[]) =>
  findPersonalData(text, { staffNames })
    .filter((f) => f.kind === "name")
    .map((f) => f.match);

const STAFF = ["Karin Holm", "Ali Hassan (Region Västmanland)", "britt-marie.lund@example.se"];

describe("names of staff (organiser and attendees) are not reported", () => {
  it.each([
    ["Besök Karin Holm inför operation"],
    ["Återbesök Holm, Karin"],
    ["Telefonuppföljning med Hassan, Ali"],
    ["Vi träffar Britt-Marie Lund för genomgång"],
    ["Samtal med KARIN HOLM"],
    ["Besök Karin H. inför operation"],
  ])("%j is a member of staff", (text) => {
    expect(names(text, []), "a name without staff names").toHaveLength(1);
    expect(names(text, STAFF)).toEqual([]);
  });

  it("ignores case, accents, look-alike letters and invisible characters", () => {
    expect(names("Besök Åsa Öberg i dag", [])).toEqual(["Åsa Öberg"]);
    expect(names("Besök Åsa Öberg i dag", ["asa oberg"])).toEqual([]);
    // Cyrillic А and a zero-width joiner inside the name.
    expect(names("Besök \u0410sa Öb\u200derg i dag", ["Åsa Öberg"])).toEqual([]);
  });

  it("still reports a patient who shares one name with a member of staff", () => {
    expect(names("Besök Karin Berg inför operation", STAFF)).toEqual(["Karin Berg"]);
    expect(names("Besök Per Holm inför operation", STAFF)).toEqual(["Per Holm"]);
    // A lone name after a patient trigger: the trigger says it is a patient.
    expect(names("Fru Holm ringer om tiden", STAFF)).toEqual(["Holm"]);
    expect(names("Samtal med patient Karin om provsvar", STAFF)).toEqual(["Karin"]);
  });

  it("reports a longer name that only contains a staff name", () => {
    expect(names("Besök Karin Maria Holm", ["Karin Holm"])).toEqual(["Karin Maria Holm"]);
  });

  it("keeps a patient beside a staff member in the same text", () => {
    const text = "Karin Holm träffar Per Ek för kontroll";
    expect(names(text, STAFF)).toEqual(["Per Ek"]);
  });

  it("does not touch other kinds of finding", () => {
    const found = findPersonalData("Karin Holm 19121212-1212", { staffNames: STAFF });
    expect(found.map((f) => f.kind)).toEqual(["personnummer"]);
  });

  it("accepts empty display names (Office.js gives them) and ignores them", () => {
    expect(names("Besök Karin Holm", ["", "  "])).toEqual(["Karin Holm"]);
  });

  it("passes staff names through scanAppointment", () => {
    const found = scanAppointment(
      { subject: "Besök Karin Holm", location: "", bodyHtml: "<p>Per Ek – kontroll</p>" },
      { staffNames: ["Karin Holm"] },
    );
    expect(found.map((f) => [f.field, f.finding.match])).toEqual([["body", "Per Ek"]]);
  });

  it("rejects malformed staff names with a clear error", () => {
    expect(() => findPersonalData("x", { staffNames: ["x".repeat(257)] })).toThrow(/256/);
    expect(() =>
      findPersonalData("x", { staffNames: Array.from({ length: 1001 }, () => "A B") }),
    ).toThrow(/1000/);
    expect(() => findPersonalData("x", { staffNames: [42 as unknown as string] })).toThrow();
  });
});
