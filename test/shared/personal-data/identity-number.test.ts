import fc from "fast-check";
import Personnummer from "personnummer";
import { describe, expect, it } from "vitest";
import { isValidDate } from "../../../src/shared/personal-data/dates";
import { checkIdentityDigits } from "../../../src/shared/personal-data/identity-number";
import { luhnCheckDigit } from "../../../src/shared/personal-data/luhn";
import { isSkatteverketTestNumber } from "../../../src/shared/personal-data/test-numbers";
import { PRE_1900, PRE_1900_SAMORDNING, SAMORDNING, TOLVAN } from "./numbers";

const digitsOf = (s: string) => s.replace(/\D/g, "");
const OPTIONS = { allowCoordinationNumber: true, allowInterimNumber: false };

describe("checkIdentityDigits", () => {
  it("accepts Skatteverket's test number in 12 and 10 digits and marks it", () => {
    expect(checkIdentityDigits(digitsOf(TOLVAN), "")).toEqual({
      kind: "personnummer",
      testNumber: true,
    });
    expect(checkIdentityDigits("1212121212", "-")).toEqual({
      kind: "personnummer",
      testNumber: true,
    });
  });

  it("classifies day + 60 as samordningsnummer", () => {
    expect(checkIdentityDigits(digitsOf(SAMORDNING), "-")).toEqual({
      kind: "samordningsnummer",
      testNumber: false,
    });
    for (const n of PRE_1900_SAMORDNING) {
      expect(checkIdentityDigits(digitsOf(n), "")?.kind).toBe("samordningsnummer");
    }
  });

  it("accepts every pre-1900 number and marks none of them outside the list's serials", () => {
    for (const n of PRE_1900) {
      expect(checkIdentityDigits(digitsOf(n), "-")).toEqual({
        kind: "personnummer",
        testNumber: false,
      });
    }
  });

  it("rejects a wrong check digit, serial 000, impossible dates and other centuries", () => {
    expect(checkIdentityDigits("191212121213", "")).toBeNull();
    const serial000 = "18900101000";
    expect(checkIdentityDigits(serial000 + luhnCheckDigit(serial000, 2, 11), "")).toBeNull();
    // 1900 was not a leap year; with the right check digit the date alone fails.
    const feb29 = "000229123";
    expect(checkIdentityDigits(`19${feb29}${luhnCheckDigit(feb29, 0, 9)}`, "")).toBeNull();
    // Region Stockholm's "99…" reserve numbers are not personnummer from 1999.
    expect(checkIdentityDigits("991981000010", "")).toBeNull();
    // Organisation numbers: month ≥ 20.
    expect(checkIdentityDigits("2321000016", "-")).toBeNull();
  });

  it("accepts 29 February in a 10-digit number for years divisible by four only", () => {
    expect(isValidDate(null, 0, 2, 29)).toBe(true);
    expect(isValidDate(null, 1, 2, 29)).toBe(false);
    expect(isValidDate(1900, 0, 2, 29)).toBe(false);
    expect(isValidDate(2000, 0, 2, 29)).toBe(true);
    expect(isValidDate(1888, 88, 2, 29)).toBe(true);
    expect(isValidDate(null, 26, 4, 31)).toBe(false);
  });
});

describe("isSkatteverketTestNumber", () => {
  it("knows the listed numbers and the 1890s series, nothing else", () => {
    expect(isSkatteverketTestNumber("191212121212")).toBe(true);
    expect(isSkatteverketTestNumber("189001019802")).toBe(true);
    expect(isSkatteverketTestNumber("189901019815")).toBe(true);
    expect(isSkatteverketTestNumber("185403171233")).toBe(false);
    // 1900 is outside the 1890s series (wrong check digit: not anyone's number either).
    expect(isSkatteverketTestNumber("190001019800")).toBe(false);
  });
});

// Differential test against the `personnummer` package (v3.2.1), the well-kept validator the
// issue names. Only births before 1900 are generated (fixture privacy rules): 12 digits with
// century 18, and 10 digits with "+" and years 50–99, which the package reads as 1850–1899.
describe("agrees with the personnummer package", () => {
  const date = fc.record({
    yy: fc.integer({ min: 50, max: 99 }),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 93 }),
    serial: fc.integer({ min: 0, max: 999 }),
    checkOffset: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 9 })),
  });
  const pad = (n: number, w: number) => String(n).padStart(w, "0");
  const tenDigits = ({
    yy,
    month,
    day,
    serial,
    checkOffset,
  }: Parameters<Parameters<typeof date.map>[0]>[0]) => {
    const nine = `${pad(yy, 2)}${pad(month, 2)}${pad(day, 2)}${pad(serial, 3)}`;
    return nine + String((luhnCheckDigit(nine, 0, 9) + checkOffset) % 10);
  };

  it("on 12-digit numbers born in the 1800s", () => {
    fc.assert(
      fc.property(date, (d) => {
        const ten = tenDigits(d);
        const ours = checkIdentityDigits(`18${ten}`, "") !== null;
        const theirs = Personnummer.valid(`18${ten}`, OPTIONS);
        expect(ours).toBe(theirs);
      }),
      { numRuns: 5000 },
    );
  });

  it("on 10-digit numbers written with +", () => {
    fc.assert(
      fc.property(date, (d) => {
        const ten = tenDigits(d);
        const ours = checkIdentityDigits(ten, "+") !== null;
        const theirs = Personnummer.valid(`${ten.slice(0, 6)}+${ten.slice(6)}`, OPTIONS);
        expect(ours).toBe(theirs);
      }),
      { numRuns: 5000 },
    );
  });

  it("on samordningsnummer", () => {
    fc.assert(
      fc.property(date, (d) => {
        const ten = tenDigits(d);
        const ours = checkIdentityDigits(`18${ten}`, "")?.kind === "samordningsnummer";
        const pin = Personnummer.valid(`18${ten}`, OPTIONS)
          ? Personnummer.parse(`18${ten}`, OPTIONS)
          : null;
        expect(ours).toBe(pin?.isCoordinationNumber() ?? false);
      }),
      { numRuns: 3000 },
    );
  });
});
