import { scoreCorpus } from "./test/fixtures/corpus/evaluate";
const s = scoreCorpus();
console.log(s.byKind.find((k) => k.kind === "name"));
for (const m of s.misses.filter((m) => m.kind === "name")) console.log(m);
