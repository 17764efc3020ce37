import { describe, expect, it } from "vitest";
import { findPersonalData, maskMatch } from "../../../src/shared/personal-data";

const masked = (text: string) => findPersonalData(text).map(maskMatch);

describe("maskMatch", () => {
  it("keeps the birth date of identity numbers and hides the last four", () => {
    expect(masked("19121212-1212 121212-1212 191212121212 701063-2391")).toEqual([
      "19121212-••••",
      "121212-••••",
      "19121212••••",
      "701063-••••",
    ]);
    expect(masked("18810829M071")).toEqual(["18810829••••"]);
  });

  it("keeps a phone number's prefix and last two digits", () => {
    expect(masked("070-174 06 05, +46 70 174 06 06, 0701740608, +46701740609")).toEqual([
      "070-••• •• 05",
      "+46 70 ••• •• 06",
      "070•••••08",
      "+4670•••••09",
    ]);
  });

  it("keeps an e-mail address's first letter and domain", () => {
    expect(masked("anna.andersson@example.com")).toEqual(["a•••@example.com"]);
  });

  it("hides house numbers and the end of postcodes", () => {
    expect(masked("Storgatan 12 B, 722 12 Västerås, Kungsgatan 5A")).toEqual([
      "Storgatan •• •",
      "722 •• Västerås",
      "Kungsgatan ••",
    ]);
  });

  it("shows a name's initials with a tail that does not reveal its length", () => {
    expect(masked("patient Anna Andersson, ang. A. Nilsson")).toEqual(["A••• A•••", "A. N•••"]);
  });

  it("never returns the digits it hides", () => {
    for (const m of masked("19121212-1212 070-174 06 05 Storgatan 12")) {
      expect(m).not.toMatch(/1212$|174 06|12$/);
    }
  });
});
