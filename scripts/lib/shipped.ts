// Benchmarks of src/shared time the code as it ships: bundled and minified by esbuild, as in
// launchevent.js and the pane's chunks. Run straight from TypeScript under tsx, every imported
// function is reached through a CommonJS getter, which added about 40 % on the scanner's
// densest inputs and would have been measured instead of the scanner.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** Imports `entry` (a path from the repository root) bundled and minified. */
export async function importShipped<T>(entry: string): Promise<T> {
  const result = await build({
    entryPoints: [path.join(root, entry)],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    write: false,
    logLevel: "error",
  });
  const dir = mkdtempSync(path.join(tmpdir(), "svm-bench-"));
  try {
    const file = path.join(dir, "module.mjs");
    writeFileSync(file, result.outputFiles[0]?.text ?? "");
    return (await import(pathToFileURL(file).href)) as T;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const RUNS = 7;

/**
 * CPU time of `work` in ms, median of 7 runs after one warm-up. CPU rather than wall-clock time:
 * the code is single-threaded, so on an idle machine the two agree, and on a shared one
 * wall-clock time measures the neighbours.
 */
export function cpuMedianMs(work: () => unknown): number {
  const times: number[] = [];
  work(); // warm-up: compile the code paths once
  for (let i = 0; i < RUNS; i++) {
    const start = process.cpuUsage();
    work();
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return Math.round((times[Math.floor(RUNS / 2)] ?? Number.NaN) * 10) / 10;
}

/**
 * `cpuMedianMs` for work on an HTML body: each run reads its own copy (made outside the timing,
 * one more trailing space each). The shared HTML reader keeps the last body's reading, so the
 * same string twice would time the cache, not the reader.
 */
export function cpuMedianMsFresh(body: string, work: (html: string) => unknown): number {
  let run = 0;
  const copies = Array.from({ length: RUNS + 1 }, (_, i) => body + " ".repeat(i + 1));
  return cpuMedianMs(() => work(copies[run++] as string));
}
