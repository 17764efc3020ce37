// The name rules' tuning bench: the TUNE half of the name corpus only (test/fixtures/names), never
// the held-out half (npm run bench prints that one, to report, not to tune on). Prints the share
// of names found and of clean texts flagged with both lexicons on a larger tune corpus, then puts
// every tune-half locality into further clean contexts written while tuning (two places side by
// side, "om" before a place, rooms and routes), and lists what is flagged or missed.
//
//   npx tsx scripts/tune-names.ts [texts-per-kind]
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { findPersonalData } from "../src/shared/personal-data";
import { loadFullNameLexicon } from "../src/shared/personal-data/name-lexicon-pane";
import { halfOf, nameCorpus } from "../test/fixtures/names/corpus";
import { percent, scoreNames } from "../test/fixtures/names/evaluate";
import { SYSTEMS, UNITS } from "../test/fixtures/names/places";

const STRESS: readonly string[] = [
  "{locality} {municipality}",
  "{municipality} {locality}",
  "{locality}/{municipality}",
  "{locality}, {municipality}",
  "{locality}–{municipality}",
  "Från {locality} till {municipality}",
  "Lokal {locality}, plan 2",
  "Konferensrum {locality} bokat",
  "Samling i {locality} kl 8",
  "{locality}: ny mottagning",
  "Hämtning {locality} {municipality}",
  "Transport {locality} – {municipality}",
  "Utbildning {system} i {locality}",
  "Möte om {locality} Hälsocentral",
  "Vårdcentral {locality} Norra",
  "Pendelbuss {locality} {municipality}",
  "Jourlinjen {municipality} {locality}",
  "Tack till {unit} i {locality}!",
];

const SOURCES = new URL("lexicon/sources/", import.meta.url);
const list = (file: string) =>
  readFileSync(new URL(file, SOURCES), "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#") && halfOf(l) === "tune");

function stress(): { texts: number; flagged: string[] } {
  const localities = list("localities.txt");
  const municipalities = list("municipalities.txt");
  const systems = SYSTEMS.filter((s) => halfOf(s) === "tune");
  const units = UNITS.filter((u) => halfOf(u) === "tune" && !u.includes("{L}"));
  let k = 0;
  const other = <T>(l: readonly T[]) => l[(k = (k * 1103515245 + 12345) >>> 0) % l.length] as T;
  const flagged: string[] = [];
  let texts = 0;
  for (const template of STRESS) {
    for (const locality of localities) {
      const text = template
        .replace("{locality}", locality)
        .replace("{municipality}", () => other(municipalities))
        .replace("{system}", () => other(systems))
        .replace("{unit}", () => other(units));
      texts++;
      const found = findPersonalData(text, {});
      if (found.length > 0) flagged.push(`${text}  ⟶  ${found.map((f) => f.match).join(", ")}`);
    }
  }
  return { texts, flagged };
}

function report(lexicon: string, size: number): void {
  const s = scoreNames(nameCorpus("tune", { withNames: size, clean: size }), findPersonalData);
  const st = stress();
  const out = process.stdout;
  out.write(`${lexicon}: names found ${percent(s.namesFound, s.names)}, `);
  out.write(`clean flagged ${percent(s.cleanFlagged, s.clean)}, `);
  out.write(`stress flagged ${st.flagged.length}/${st.texts}\n`);
  for (const line of [...s.flagged, ...st.flagged].slice(0, 40)) out.write(`  flagged: ${line}\n`);
  for (const line of s.missed.slice(0, 20)) out.write(`  missed: ${line}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const size = Number(process.argv[2] ?? 5000);
  report("core lexicon", size);
  loadFullNameLexicon();
  report("full lexicon", size);
}
