// Byte budgets of the built pages: sizes, not times, so they can be asserted. A shared
// barrel import once pulled the invitation engine and the scanner into the pane's first chunk
// (+26 KiB gzip) and only the bench noticed; this test keeps such a regression out of main.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { DIST } from "./support/static-server";

function built(file: string): Buffer {
  const full = path.join(DIST, file);
  if (!existsSync(full))
    throw new Error(`dist/${file} is missing: run npm run build (npm test does)`);
  return readFileSync(full);
}

const KiB = 1024;

describe("built bundle sizes", () => {
  it("keeps the task pane's first JS (the scripts taskpane.html loads) within 180 KiB gzip", () => {
    const html = built("taskpane.html").toString("utf8");
    const scripts = [...html.matchAll(/<script[^>]+src="\/?([^"]+\.js)"/g)]
      .map((match) => match[1] ?? "")
      .filter((src) => !src.startsWith("https://"));
    expect(scripts.length).toBeGreaterThan(0);
    const bytes = scripts.reduce((sum, file) => sum + gzipSync(built(file)).length, 0);
    expect(bytes).toBeLessThanOrEqual(180 * KiB);
  });

  it("leaves the scanner and the invitation engine out of the first chunk", () => {
    const html = built("taskpane.html").toString("utf8");
    const entry = /<script[^>]+src="\/?(taskpane\.[^"]+\.js)"/.exec(html)?.[1];
    expect(entry).toBeDefined();
    const code = built(entry ?? "").toString("utf8");
    // Literals only these modules hold: the link id the renderer writes, a street-name suffix
    // the scanner knows.
    expect(code.includes("LPNoLP"), "invitation renderer in the first chunk").toBe(false);
    expect(code.includes("gatan"), "personal-data scanner in the first chunk").toBe(false);
  });

  it("keeps the launch-event file within 40 KiB gzip", () => {
    expect(gzipSync(built("launchevent.js")).length).toBeLessThanOrEqual(40 * KiB);
  });
});
