// The soak's figures as text; the last line is `violations: N`.
import type { SoakResult } from "./soak";

const list = (map: Map<string, number>) =>
  [...map.entries()].sort().map(([k, n]) => `  ${k}: ${n}`);

export function formatReport(result: SoakResult, minutes: number): string {
  const { ledger, chaos, responses } = result;
  const total = (map: Map<string, number>) => [...map.values()].reduce((a, b) => a + b, 0);
  return [
    `soak: ${minutes} min`,
    `operations done: ${total(ledger.done)}`,
    ...list(ledger.done),
    `operations refused or given up: ${total(ledger.refused)}`,
    ...list(ledger.refused),
    `answers (retries ${responses.retries}):`,
    ...list(responses.counts),
    `faults injected: ${total(chaos.faults)} (provider calls they hit: ${total(chaos.fired)})`,
    ...[...chaos.faults.entries()]
      .sort()
      .map(([k, n]) => `  ${k}: ${n} (hit ${chaos.fired.get(k) ?? 0} calls)`),
    `kills: ${chaos.kills} (restarts ${chaos.restarts})`,
    `starts that failed and were tried again: ${chaos.failedStarts.length}`,
    ...chaos.failedStarts.slice(0, 5).map((f) => `  ${f.split("\n")[0]}`),
    `db terminations: ${chaos.dbTerminations} (${chaos.connectionsTerminated} connections)`,
    `job actions (audit): ${result.jobActions.size === 0 ? "none" : ""}`,
    ...list(result.jobActions),
    `settled after: ${result.settledAfterSeconds === null ? "did not settle" : `${result.settledAfterSeconds} s`}`,
    `final: ${result.final.active} active, ${result.final.removed} removed, ${result.final.other} other bookings; ${result.final.pexipRooms} Pexip rooms, ${result.final.teamsMeetings} Teams meetings`,
    `Pexip rooms made after the service gave up, awaiting the orphan sweep: ${result.final.awaitingSweep}`,
    "invariants:",
    ...result.invariants.flatMap((i) => [
      `  ${i.violations.length === 0 ? "ok  " : "FAIL"} ${i.name}: ${i.violations.length}`,
      ...i.violations.slice(0, 20).map((v) => `       ${v}`),
    ]),
    // With a violation, what happened when (its time is in the violation's line).
    ...(result.violations > 0
      ? [
          "chaos timeline:",
          ...chaos.timeline
            .sort((a, b) => a.at - b.at)
            .map((e) => `  ${new Date(e.at).toISOString()} ${e.what}`),
        ]
      : []),
    `violations: ${result.violations}`,
  ].join("\n");
}
