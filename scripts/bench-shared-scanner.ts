// Times of the personal-data scanner on 1 MB inputs: a realistic Outlook body and the
// adversarial inputs of test/shared/personal-data. `npm run bench` calls benchScanner();
// `npx tsx scripts/bench-shared-scanner.ts` prints the table on its own.
//
// The figure is the CPU time this process spent (median of 7 runs after one warm-up), not the
// wall-clock time: the scanner is single-threaded, so on an idle machine the two agree, and on
// a shared one (CI, several engineers' test runs) wall-clock time measures the neighbours.
import { fileURLToPath } from "node:url";
import { findPersonalData, htmlToText } from "../src/shared/personal-data";
import { adversarialInputs, realisticBody } from "../test/shared/personal-data/adversarial-inputs";

const RUNS = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function time(scan: () => unknown): number {
  const times: number[] = [];
  scan(); // warm-up: compile the code paths once
  for (let i = 0; i < RUNS; i++) {
    const start = process.cpuUsage();
    scan();
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  return Math.round(median(times) * 10) / 10;
}

const options = { organisationDomains: ["region.example"] };

export async function benchScanner(): Promise<Array<{ name: string; ms: number }>> {
  const results: Array<{ name: string; ms: number }> = [];
  const body = realisticBody();
  results.push({ name: "realistic 1 MB body: htmlToText", ms: time(() => htmlToText(body)) });
  const text = htmlToText(body);
  results.push({
    name: "realistic 1 MB body: findPersonalData",
    ms: time(() => findPersonalData(text, options)),
  });
  for (const input of adversarialInputs()) {
    const scan = input.html
      ? () => findPersonalData(htmlToText(input.text), options)
      : () => findPersonalData(input.text, options);
    results.push({ name: `adversarial 1 MB: ${input.name}`, ms: time(scan) });
  }
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const { name, ms } of await benchScanner()) {
    process.stdout.write(`${name.padEnd(56)} ${ms.toFixed(1).padStart(8)} ms CPU\n`);
  }
}
