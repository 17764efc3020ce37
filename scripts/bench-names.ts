// Names on the name corpus (test/fixtures/names): the share found and the share of clean texts
// flagged, on the half the rules were tuned on and on the held-out half, with the send check's
// core lexicon and with the task pane's full one. Counts, not times. `npm run bench` prints them;
// `npx tsx scripts/bench-names.ts` on its own.
import { fileURLToPath } from "node:url";
import { findPersonalData } from "../src/shared/personal-data";
import { loadFullNameLexicon } from "../src/shared/personal-data/name-lexicon-pane";
import { type Half, nameCorpus } from "../test/fixtures/names/corpus";
import { percent, scoreNames } from "../test/fixtures/names/evaluate";

type Rows = Array<[string, string]>;

function rows(lexicon: string): Rows {
  return (["heldout", "tune"] as Half[]).flatMap((half): Rows => {
    const s = scoreNames(nameCorpus(half), findPersonalData);
    const label = `${half === "heldout" ? "held-out" : "tune"} half, ${lexicon}`;
    return [
      [`${label}: names found`, `${percent(s.namesFound, s.names)} (${s.namesFound}/${s.names})`],
      [
        `${label}: clean texts flagged`,
        `${percent(s.cleanFlagged, s.clean)} (${s.cleanFlagged}/${s.clean})`,
      ],
      [
        `${label}: identity numbers found / false`,
        `${s.identityFound}/${s.identity} / ${s.identityFalse}`,
      ],
    ];
  });
}

export function benchNames(): Promise<Rows> {
  // Core first: loading the full list changes the scanner's lexicon for the rest of the process.
  const core = rows("core lexicon (send check)");
  loadFullNameLexicon();
  return Promise.resolve([...core, ...rows("full lexicon (task pane)")]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [label, value] of await benchNames())
    process.stdout.write(`${label.padEnd(64)} ${value}\n`);
}
