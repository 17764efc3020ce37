import { describe, expect, it } from "vitest";
import { removeOurLocation, withOurLocation } from "../../../src/taskpane/model/flows/location";

const OURS =
  "Skyddat vårdmöte (Pexip) https://join.example.se/webapp/m/91001/step-by-step?role=guest";
const URL = "https://join.example.se/webapp/m/91001/step-by-step?role=guest";

describe("our part of the Location", () => {
  it("is the whole Location when the user typed nothing", () => {
    expect(withOurLocation("", OURS)).toBe(OURS);
  });

  it("is appended after the user's room with '; ' and removed again without touching it", () => {
    const both = withOurLocation("Mottagning 3, rum 12", OURS);
    expect(both).toBe(`Mottagning 3, rum 12; ${OURS}`);
    expect(removeOurLocation(both, [OURS], URL)).toBe("Mottagning 3, rum 12");
  });

  it("is never added twice", () => {
    expect(withOurLocation(`Rum 1; ${OURS}`, OURS)).toBe(`Rum 1; ${OURS}`);
  });

  it("replaces the previous type's text on change of type", () => {
    const next = "Skyddat vårdmöte (Teams) https://teams.microsoft.com/meet/1?p=a";
    expect(withOurLocation(`Rum 1; ${OURS}`, next, [OURS], URL)).toBe(`Rum 1; ${next}`);
  });

  it("finds our part by its join link even if Outlook or the user changed its words", () => {
    expect(removeOurLocation(`Rum 1; Video ${URL}`, [], URL)).toBe("Rum 1");
  });

  it("leaves our part out rather than exceed Outlook's 255 characters", () => {
    const long = "x".repeat(200);
    expect(withOurLocation(long, OURS)).toBe(long);
  });
});
