// `npm run soak -- --minutes N [--clients N] [--settle-seconds N]`: the chaos soak against the
// built service (npm run soak builds it first). Prints the figures; the last line is
// `violations: N`, and the exit code is 1 when N > 0.
import { parseArgs } from "node:util";
import { formatReport } from "./report";
import { runSoak } from "./soak";

function positive(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number`);
  return n;
}

const { values } = parseArgs({
  options: {
    minutes: { type: "string" },
    clients: { type: "string" },
    "settle-seconds": { type: "string" },
  },
});
const minutes = positive(values.minutes, "minutes", 2);
const result = await runSoak({
  minutes,
  clients: positive(values.clients, "clients", 6),
  settleSeconds: positive(values["settle-seconds"], "settle-seconds", 180),
  progress: (line) => process.stderr.write(`${line}\n`),
});
process.stdout.write(`${formatReport(result, minutes)}\n`);
process.exitCode = result.violations > 0 ? 1 : 0;
