// Precision and recall of the personal-data scanner per kind over the labelled corpus
// (test/fixtures/corpus). Run: npx tsx scripts/scanner-report.ts [--misses]
import { scoreCorpus } from "../test/fixtures/corpus/evaluate";

const score = scoreCorpus();
const pct = (x: number) => `${(x * 100).toFixed(1)} %`.padStart(8);
const out: string[] = [
  `Corpus: ${score.entries} texts, ${score.cleanEntries} without personal data`,
  "",
  `${"kind".padEnd(18)} ${"TP".padStart(4)} ${"FP".padStart(4)} ${"FN".padStart(4)} ${"precision".padStart(10)} ${"recall".padStart(8)}`,
  ...score.byKind.map(
    (k) =>
      `${k.kind.padEnd(18)} ${String(k.truePositives).padStart(4)} ${String(k.falsePositives).padStart(4)} ${String(k.falseNegatives).padStart(4)} ${pct(k.precision).padStart(10)} ${pct(k.recall)}`,
  ),
  "",
  `False "block" findings on texts without identity numbers: ${score.falseBlocksOnClean.length}`,
];
if (process.argv.includes("--misses")) {
  out.push("", "Misses and extras:");
  for (const m of score.misses)
    out.push(
      `  ${m.type.padEnd(7)} ${m.kind.padEnd(18)} ${m.id.padEnd(32)} ${JSON.stringify(m.text)}`,
    );
}
process.stdout.write(`${out.join("\n")}\n`);
