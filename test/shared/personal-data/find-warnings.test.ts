import { describe, expect, it } from "vitest";
import { findPersonalData } from "../../../src/shared/personal-data";
import { ptsMobile, TOLVAN } from "./numbers";

const of = (kind: string, text: string, organisationDomains?: string[]) =>
  findPersonalData(text, { organisationDomains })
    .filter((f) => f.kind === kind)
    .map((f) => f.match);

describe("phone numbers", () => {
  it.each([
    "070-174 06 05",
    "070-1740605",
    "0701740605",
    "070 174 06 05",
    "070 - 174 06 05",
    "+46 70 174 06 05",
    "+46701740605",
    "+46 (0)70-174 06 05",
    "0046 70 174 06 05",
    "(070) 174 06 05",
    "070\u2013174\u00a006\u00a005",
    "070.174.06.05",
    "070/174 06 05",
    "070-174-06-05",
    "+46 (0) 70 174 06 05",
  ])("finds %j as a warning", (written) => {
    const [finding] = findPersonalData(`Nås på ${written}.`);
    expect(finding).toMatchObject({ kind: "phone", severity: "warn", match: written });
  });

  it("finds other countries' numbers written with +", () => {
    // +999 is no country: obviously fictional, and only the length is checked abroad.
    expect(of("phone", "Tel. +999 12 34 56 78 eller +999 123 456 789")).toEqual([
      "+999 12 34 56 78",
      "+999 123 456 789",
    ]);
  });

  it("finds two numbers in a row and a number right after a personnummer", () => {
    expect(of("phone", `${ptsMobile(5)} ${ptsMobile(6)}`)).toEqual([ptsMobile(5), ptsMobile(6)]);
    expect(of("phone", `${TOLVAN} 0701740608`)).toEqual(["0701740608"]);
  });

  it("reads 10 bare digits that are both a mobile and a samordningsnummer as a phone", () => {
    // 0701740607 is also 2007-01-14 (day 74 = 14 + 60) with a valid check digit; a mobile
    // number is far likelier (bare-phones.test.ts has all 95 fictional ones).
    expect(findPersonalData("0701740607")[0]?.kind).toBe("phone");
    expect(findPersonalData("Tel: 0701740607")[0]?.kind).toBe("phone");
    expect(findPersonalData("mobil 0701740607")[0]?.kind).toBe("phone");
    expect(findPersonalData("070-174 06 07")[0]?.kind).toBe("phone");
  });

  it("does not flag dial-in numbers, meeting ids, dates, times or business numbers", () => {
    const clean = [
      "Ring in (endast ljud)\n+46 8 505 201 10,,123456789# Sweden, Stockholm",
      "Dial-in: +46 8 505 201 10",
      "Mötes-ID: 012 345 678 90",
      "Konferens-ID: 0123456789",
      "2026-11-27 kl. 09.00–10.30, 01/12 2026",
      "Org.nr 232100-0016",
      "Frågor: 020-12 34 56 (avgiftsfritt)",
      "https://vmr.example.se/webapp/m/0701740605/step-by-step",
      "Schema: 0830-0930 genomgång, 0930-1000 fika",
      "Datum 01.12.2026 och 07/11 2026",
      "kl.14:07 och 1.0701740605",
    ];
    for (const text of clean) expect(of("phone", text)).toEqual([]);
  });
});

describe("e-mail addresses", () => {
  const org = ["region.example", "vard.example.se"];

  it("finds addresses outside the organisation", () => {
    expect(
      of("email", "Skicka till anna.andersson@example.com eller k.n+test@mail.example.org.", org),
    ).toEqual(["anna.andersson@example.com", "k.n+test@mail.example.org"]);
  });

  it("ignores the organisation's domains and their subdomains", () => {
    expect(
      of("email", "karl@region.example, eva@sub.region.example, a@vard.example.se", org),
    ).toEqual([]);
    expect(of("email", "karl@notregion.example", org)).toEqual(["karl@notregion.example"]);
  });

  it("ignores SIP addresses and all-digit video addresses", () => {
    expect(
      of("email", "sip:vmr.anna@video.example.com, 914123456@vm.example.com, h323:x@y.example.com"),
    ).toEqual([]);
  });

  it("finds addresses written with (at) or [at]", () => {
    expect(of("email", "anna(at)example.com och karl[at]example.org", org)).toEqual([
      "anna(at)example.com",
      "karl[at]example.org",
    ]);
  });

  it("needs a real domain", () => {
    expect(of("email", "hej@ och a@b och x@y.z och @example.com")).toEqual([]);
  });
});

describe("postal addresses", () => {
  it.each([
    "722 12 Västerås",
    "72212 Västerås",
    "SE-722 12 Västerås",
    "S-722 12 Västerås",
    "Storgatan 12",
    "Storgatan 12B",
    "Storgatan 12 B",
    "Västra Ringvägen 4",
    "Anna Anderssons väg 3",
    "Stora Torget 1",
    "Kungsgatan 5A",
    "storgatan 12",
    "Storg. 12",
    "Ringv. 4",
    "Östra Allén 3",
  ])("finds %j", (written) => {
    expect(of("address", `Adress: ${written}, lgh 1102`)).toEqual([written]);
  });

  it("does not flag rooms, times, amounts or meeting ids", () => {
    const clean = [
      "Mötet tar 150 00 Kronor? Nej: 150 kr.",
      "Rum 4:12 plan 3, Sal 12",
      "Mötes-ID 346 123 456 78 Västerås",
      "Vi följer vägen 2 steg i taget",
      "Genomgången 3 gånger",
      "Storgatan 14.30 är fel",
    ];
    for (const text of clean) expect(of("address", text)).toEqual([]);
  });
});

describe("names in patient-like phrasing", () => {
  it.each([
    ["patient Anna Andersson", "Anna Andersson"],
    ["Patienten Karl Nilsson", "Karl Nilsson"],
    ["ang. Karl Nilsson", "Karl Nilsson"],
    ["Ang: Eva Svensson", "Eva Svensson"],
    ["pat. Lisa Larsson", "Lisa Larsson"],
    ["Pt: Nils Persson", "Nils Persson"],
    ["angående Sven Svensson", "Sven Svensson"],
    ["gällande Anna-Karin af Ekenstam", "Anna-Karin af Ekenstam"],
    ["för patienten Tolvan Tolvansson", "Tolvan Tolvansson"],
    ["Pat: Andersson, Anna", "Andersson, Anna"],
    ["ang. A. Andersson", "A. Andersson"],
    ["GÄLLANDE KARL NILSSON", "KARL NILSSON"],
    ["Möte om Anna Andersson", "Anna Andersson"],
    ["patient Fatima Ali", "Fatima Ali"],
  ])("finds the name in %j", (text, name) => {
    expect(of("name", `${text} inför utskrivning`)).toEqual([name]);
  });

  it("does not flag subjects, units, or staff names without patient phrasing", () => {
    const clean = [
      "Ang. Samordnad Individuell Plan (SIP)",
      "Gällande Vårdplanering Inför Utskrivning",
      "Information om Teams och Pexip",
      "Välkommen! Hälsningar Karl Nilsson, sjuksköterska",
      "angående mötet i morgon",
      "Möte om Skyddat Vårdmöte",
    ];
    for (const text of clean) expect(of("name", text)).toEqual([]);
  });

  it("stops the name before a street address", () => {
    const found = findPersonalData("patient Anna Andersson Storgatan 12");
    expect(found.map((f) => [f.kind, f.match])).toEqual([
      ["name", "Anna Andersson"],
      ["address", "Storgatan 12"],
    ]);
  });
});
