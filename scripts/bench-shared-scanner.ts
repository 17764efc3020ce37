// Times of the personal-data scanner on 1 MB inputs: a realistic Outlook body and the
// adversarial inputs of test/shared/personal-data. `npm run bench` calls benchScanner();
// `npx tsx scripts/bench-shared-scanner.ts` prints the table on its own.
//
// The figure is the CPU time (median of 7 after a warm-up, scripts/lib/shipped.ts) of the
// scanner as it ships: bundled and minified.
import { fileURLToPath } from "node:url";
import { cpuMedianMs as time, cpuMedianMsFresh as timeFresh, importShipped } from "./lib/shipped";
import type * as Scanner from "../src/shared/personal-data";
import { adversarialInputs, realisticBody } from "../test/shared/personal-data/adversarial-inputs";

const options = { organisationDomains: ["region.example"] };

export async function benchScanner(): Promise<Array<{ name: string; ms: number }>> {
  const { findPersonalData, htmlToText } = await importShipped<typeof Scanner>(
    "src/shared/personal-data/index.ts",
  );
  const results: Array<{ name: string; ms: number }> = [];
  const body = realisticBody();
  results.push({ name: "realistic 1 MB body: htmlToText", ms: timeFresh(body, htmlToText) });
  const text = htmlToText(body);
  results.push({
    name: "realistic 1 MB body: findPersonalData",
    ms: time(() => findPersonalData(text, options)),
  });
  for (const input of adversarialInputs()) {
    const ms = input.html
      ? timeFresh(input.text, (html) => findPersonalData(htmlToText(html), options))
      : time(() => findPersonalData(input.text, options));
    results.push({ name: `adversarial 1 MB: ${input.name}`, ms });
  }
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const { name, ms } of await benchScanner()) {
    process.stdout.write(`${name.padEnd(56)} ${ms.toFixed(1).padStart(8)} ms CPU\n`);
  }
}
