import { describe, expect, it } from "vitest";
import { htmlToText, scanAppointment } from "../../../src/shared/personal-data";

describe("scanAppointment", () => {
  it("tells which field each finding is in, with body offsets into htmlToText(body)", () => {
    const bodyHtml = "<p>Hej!</p><p>Gäller patient Anna Andersson, 19121212-1212.</p>";
    const result = scanAppointment(
      { subject: "Vårdmöte 121212-1212", location: "Rum 4:12", bodyHtml },
      { organisationDomains: ["region.example"] },
    );
    expect(result.map(({ field, finding }) => [field, finding.kind, finding.match])).toEqual([
      ["subject", "personnummer", "121212-1212"],
      ["body", "name", "Anna Andersson"],
      ["body", "personnummer", "19121212-1212"],
    ]);
    const body = htmlToText(bodyHtml);
    const last = result[2]?.finding;
    expect(last && body.slice(last.start, last.end)).toBe("19121212-1212");
  });

  it("finds nothing in a clean invitation with the organisation's addresses", () => {
    const result = scanAppointment(
      {
        subject: "SIP-möte 27/11 14.30",
        location: "Skyddat vårdmöte – https://vmr.example.se/webapp/m/9100123456/step-by-step",
        bodyHtml: "<p>Välkommen! Frågor till karl.nilsson@region.example</p>",
      },
      { organisationDomains: ["region.example"] },
    );
    expect(result).toEqual([]);
  });

  it("rejects malformed input with a clear error", () => {
    expect(() =>
      scanAppointment({ subject: "x", location: "y" } as unknown as Parameters<
        typeof scanAppointment
      >[0]),
    ).toThrow(/bodyHtml/);
    expect(() =>
      scanAppointment({ subject: "", location: "", bodyHtml: "" }, { organisationDomains: [""] }),
    ).toThrow();
  });
});
