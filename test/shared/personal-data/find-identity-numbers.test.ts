import { describe, expect, it } from "vitest";
import { findPersonalData } from "../../../src/shared/personal-data";
import { luhnCheckDigit } from "../../../src/shared/personal-data/luhn";
import {
  PRE_1900,
  PRE_1900_SAMORDNING,
  RESERVE,
  SAMORDNING,
  TOLVAN,
  tenDigitsPlus,
} from "./numbers";

const blocks = (text: string) =>
  findPersonalData(text)
    .filter((f) => f.severity === "block")
    .map((f) => ({ kind: f.kind, match: f.match }));

describe("identity numbers in text", () => {
  it.each([
    ["19121212-1212"],
    ["191212121212"],
    ["121212-1212"],
    ["121212+1212"],
    ["1212121212"],
    ["121212 1212"],
    ["19121212 1212"],
    ["121212 - 1212"],
    ["19121212\u20131212"],
    ["19121212\u20141212"],
    ["19121212\u22121212"],
    ["\uff11\uff19\uff11\uff12\uff11\uff12\uff11\uff12\uff0d\uff11\uff12\uff11\uff12"],
    ["19121212\u200b-1212"],
    ["1912\u00ad1212-1212"],
    ["1912-12-12-1212"],
    ["1912-12-12+1212"],
  ])("finds Skatteverket's test number written %j, marked as test number", (written) => {
    const [finding] = findPersonalData(`Pnr: ${written}, tack.`);
    expect(finding).toMatchObject({ kind: "personnummer", severity: "block", match: written });
    expect(finding?.testNumber).toBe(true);
    expect(finding?.start).toBe(5);
  });

  it("finds every pre-1900 number in 12-digit, separated and 10-digit + forms", () => {
    for (const n of PRE_1900) {
      for (const written of [n, n.replace("-", ""), n.replace("-", " "), tenDigitsPlus(n)]) {
        expect(blocks(`Gäller ${written} inför mötet`)).toEqual([
          { kind: "personnummer", match: written },
        ]);
      }
    }
  });

  it("finds samordningsnummer", () => {
    expect(blocks(`Samordningsnummer ${SAMORDNING}.`)).toEqual([
      { kind: "samordningsnummer", match: SAMORDNING },
    ]);
    for (const n of PRE_1900_SAMORDNING) {
      expect(blocks(`(${n})`)).toEqual([{ kind: "samordningsnummer", match: n }]);
    }
  });

  it("finds reservnummer in every region's published format", () => {
    for (const n of Object.values(RESERVE).flat()) {
      expect(blocks(`Reservnr ${n} bokad`)).toEqual([{ kind: "reservnummer", match: n }]);
    }
  });

  it("reports the exact span and several numbers in order", () => {
    const text = `A ${TOLVAN}, B ${SAMORDNING} och C ${PRE_1900[0]}`;
    const found = findPersonalData(text);
    expect(found.map((f) => text.slice(f.start, f.end))).toEqual([TOLVAN, SAMORDNING, PRE_1900[0]]);
    expect(found.map((f) => f.kind)).toEqual(["personnummer", "samordningsnummer", "personnummer"]);
  });

  it("does not flag invitation data that looks numeric", () => {
    const clean = [
      "Mötet hålls 2026-11-27 kl. 14.30–15.00 (27/11, 27 nov).",
      "Tid: 14:30–15:00, 20261127",
      "Mötes-ID: 346 123 456 789 012 Lösenkod: 9Xk2Pq",
      "Pexip-alias 9100123456, PIN 4321, videoadress 914123456@vm.example.se",
      "Organisationsnummer 232100-0016 (Region Västmanland), 556677-8899.",
      "Rum 4:12, sal 3, plan 5, hus 10, ingång 12. År 2026, vecka 48.",
      "Pris 1 250 kr, 12 500:- inkl. moms, 1250,50 SEK.",
      "Fakturanummer 2026112701, ordernr 123456-7890.",
      "Telefonkonferens-ID: 123 456 789#",
      "Lösenkod 1234567890, mötes-ID 3461234567",
    ];
    for (const text of clean) expect(blocks(text)).toEqual([]);
  });

  it("does not flag a wrong check digit, serial 000 or an impossible date", () => {
    expect(blocks("19121212-1213 19121232-1212 18900230-1234")).toEqual([]);
  });

  it("does not flag a birth date in the future (a date and a time: 20991231-1430)", () => {
    const nine = "991231143";
    const future = `20${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine, 0, 9)}`;
    expect(blocks(`Utskick ${future}`)).toEqual([]);
  });

  it("does not flag identity-like digits inside a longer run or word", () => {
    expect(blocks("9919121212121212 x191212121212345")).toEqual([]);
  });
});

describe("identity numbers in links and after join labels", () => {
  it("flags a personnummer that is a whole path segment or query value", () => {
    expect(blocks("https://journal.example.se/pat/19121212-1212/vy")).toHaveLength(1);
    expect(blocks("https://journal.example.se/?pnr=191212121212&x=1")).toHaveLength(1);
    expect(blocks("https://filer.example.se/191212121212_journal.pdf")).toHaveLength(1);
    expect(blocks("https://filer.example.se/pat-19121212-1212")).toHaveLength(1);
  });

  it("ignores 10-digit runs in links (aliases, ids, timestamps) and anything in SIP addresses", () => {
    expect(blocks("https://vmr.example.se/webapp/m/1212121212/step-by-step?role=guest")).toEqual(
      [],
    );
    expect(blocks("https://x.example.se/a?id=abc191212121212")).toEqual([]);
    expect(blocks("sip:191212121212@vm.example.se")).toEqual([]);
  });

  it("ignores a bare 10-digit run that is labelled as join data, not one labelled as a patient's", () => {
    expect(blocks("Alias: 1212121212")).toEqual([]);
    expect(blocks("Mötes-ID 1212121212")).toEqual([]);
    expect(blocks("Patient-ID: 1212121212")).toHaveLength(1);
    expect(blocks("PIN: 19121212-1212")).toHaveLength(1);
  });
});
