import fc from "fast-check";
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { describe, expect, it } from "vitest";
import {
  classifyPhoneDigits,
  isPersonalNumberType,
  swedishNumberType,
} from "../../../src/shared/personal-data/phone";
import { SE_PHONE_METADATA } from "../../../src/shared/personal-data/phone-metadata-se";
import {
  renderMetadataModule,
  swedishPhoneMetadataFromLibphonenumber,
} from "./phone-metadata-source";

describe("the bundled Swedish numbering plan", () => {
  it("is the installed libphonenumber-js max metadata for SE (regenerate when this fails)", async () => {
    const { createRequire } = await import("node:module");
    const pkg = createRequire(import.meta.url)("libphonenumber-js/package.json") as {
      version: string;
    };
    const fresh = swedishPhoneMetadataFromLibphonenumber(pkg.version);
    expect(JSON.parse(JSON.stringify(SE_PHONE_METADATA))).toEqual(fresh);
    expect(renderMetadataModule(fresh)).toContain("SE_PHONE_METADATA");
  });
});

describe("swedishNumberType", () => {
  it("types PTS's fictional mobile numbers as MOBILE", () => {
    for (let last = 5; last <= 99; last++) {
      expect(swedishNumberType(`701740${String(last).padStart(3, "0")}`)).toBe("MOBILE");
    }
  });

  // The scanner's check and libphonenumber-js/max must give the same answer for every Swedish
  // national number. Generated at run time from the plan's prefixes (never stored).
  it("agrees with libphonenumber-js/max", () => {
    const prefixes = ["70", "72", "73", "76", "79", "8", "10", "11", "13", "18", "20", "21", "31"];
    const more = ["40", "46", "54", "60", "63", "90", "900", "939", "99", "77", "75", "74"];
    const nsn = fc
      .tuple(
        fc.constantFrom(...prefixes, ...more),
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 3, maxLength: 10 }),
      )
      .map(([p, rest]) => `${p}${rest.join("")}`)
      .filter((s) => s.length <= 12);
    fc.assert(
      fc.property(nsn, (national) => {
        const parsed = parsePhoneNumberFromString(`+46${national}`);
        fc.pre(parsed?.nationalNumber === national);
        const theirs = parsed?.isValid() ? (parsed.getType() ?? null) : null;
        expect(swedishNumberType(national)).toBe(theirs);
      }),
      { numRuns: 20000 },
    );
  });
});

describe("classifyPhoneDigits", () => {
  it("reads +46, 0046, (0) after the country code and the trunk 0 alike", () => {
    const mobile = { scope: "se", type: "MOBILE" };
    expect(classifyPhoneDigits("0701740605", false)).toEqual(mobile);
    expect(classifyPhoneDigits("46701740605", true)).toEqual(mobile);
    expect(classifyPhoneDigits("460701740605", true)).toEqual(mobile);
    expect(classifyPhoneDigits("0046701740605", false)).toEqual(mobile);
  });

  it("accepts other countries' numbers on length, rejects what is no number", () => {
    expect(classifyPhoneDigits("99912345678", true)).toEqual({ scope: "foreign" });
    expect(classifyPhoneDigits("123", true)).toEqual({ scope: "none" });
    expect(classifyPhoneDigits("701740605", false)).toEqual({ scope: "none" });
    expect(classifyPhoneDigits("01010101", false)).toEqual({ scope: "none" });
  });

  it("counts freephone, premium, shared-cost and 010 numbers as businesses'", () => {
    expect(isPersonalNumberType("MOBILE")).toBe(true);
    expect(isPersonalNumberType("FIXED_LINE")).toBe(true);
    expect(isPersonalNumberType("TOLL_FREE")).toBe(false);
    expect(isPersonalNumberType("PREMIUM_RATE")).toBe(false);
    expect(isPersonalNumberType("SHARED_COST")).toBe(false);
    expect(isPersonalNumberType("UAN")).toBe(false);
  });
});
