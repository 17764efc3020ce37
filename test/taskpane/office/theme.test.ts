import { describe, expect, it } from "vitest";
import { luminance, themeKindFromColors } from "../../../src/taskpane/office/theme";

const colors = (bodyBackgroundColor: string, bodyForegroundColor: string) => ({
  bodyBackgroundColor,
  bodyForegroundColor,
});

describe("Outlook's theme from its colours", () => {
  it("is light for a white body and when Outlook gives no theme", () => {
    expect(themeKindFromColors(colors("#FFFFFF", "#242424"), false)).toBe("light");
    expect(themeKindFromColors(null, false)).toBe("light");
  });

  it("is dark for a dark body", () => {
    expect(themeKindFromColors(colors("#292929", "#FFFFFF"), false)).toBe("dark");
    expect(themeKindFromColors(colors("#1f1f1f", "#d6d6d6"), false)).toBe("dark");
  });

  it("is high contrast for pure white on pure black, or whenever the system forces colours", () => {
    expect(themeKindFromColors(colors("#000000", "#FFFFFF"), false)).toBe("highContrast");
    expect(themeKindFromColors(colors("#FFFFFF", "#242424"), true)).toBe("highContrast");
  });

  it("computes WCAG relative luminance", () => {
    expect(luminance("#ffffff")).toBeCloseTo(1);
    expect(luminance("#000000")).toBe(0);
    expect(luminance("not a colour")).toBeNull();
  });
});
