// `npm run bench`: the project's performance figures against the project's budgets. Each
// part measures itself (scripts/bench-*.ts, each also runnable alone with tsx); this prints them
// one section after another. Figures on a busy machine are worse than on an idle one: each
// section that can says how loaded the machine was.
import { loadavg } from "node:os";
import { benchInvitation } from "./bench-invitation";
import { benchLaunchEvent } from "./bench-launchevent";
import { benchNames } from "./bench-names";
import { benchPane } from "./bench-pane";
import { benchRoom } from "./bench-room";
import { benchService } from "./bench-service";
import { benchScanner } from "./bench-shared-scanner";

type Rows = Array<[string, string]>;

const fromRecord = (figures: Record<string, number | string>): Rows =>
  Object.entries(figures).map(([label, value]) => [label, String(value)]);

const sections: Array<{ name: string; run: () => Promise<Rows> }> = [
  {
    name: "Personal-data scanner, 1 MB inputs (ms CPU, median of 7)",
    run: async () => (await benchScanner()).map(({ name, ms }) => [name, `${ms.toFixed(1)} ms`]),
  },
  {
    name: "Names on the name corpus (goal on held-out: >= 95 % found, <= 2 % clean flagged)",
    run: benchNames,
  },
  { name: "Invitation block engine", run: benchInvitation },
  { name: "Send check (launch events)", run: benchLaunchEvent },
  {
    name: "Booking service (emulators at zero latency)",
    run: async () => fromRecord(await benchService()),
  },
  { name: "Task pane (Chromium, built pages)", run: async () => fromRecord(await benchPane()) },
  {
    name: "Waiting room: upstream Pexip status calls (1 and 50 watching panes)",
    run: async () => fromRecord(await benchRoom()),
  },
];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  process.stdout.write(
    `Load average at start: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")} (2 cores)\n`,
  );
  for (const section of sections) {
    if (
      only.length > 0 &&
      !only.some((word) => section.name.toLowerCase().includes(word.toLowerCase()))
    )
      continue;
    process.stdout.write(`\n## ${section.name}\n`);
    for (const [label, value] of await section.run())
      process.stdout.write(`${label.padEnd(64)} ${value}\n`);
  }
}

await main();
