import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ICON_SIZES, drawIcon } from "../../scripts/draw-icons";
import { pngSize } from "../../scripts/lib/png";

const assets = fileURLToPath(new URL("../../assets/", import.meta.url));

describe("icons", () => {
  it.each(ICON_SIZES)("icon-%i.png is committed exactly as the drawing script makes it", (size) => {
    const committed = readFileSync(`${assets}icon-${size}.png`);
    expect(pngSize(committed)).toEqual({ width: size, height: size });
    expect(committed.equals(drawIcon(size))).toBe(true);
  });

  it("pngSize refuses what is not a PNG", () => {
    expect(pngSize(Buffer.from("GIF89a not a png at all, long enough"))).toBeNull();
  });
});
