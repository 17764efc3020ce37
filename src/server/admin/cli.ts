// The operator's command line: `npm run admin -- needs-attention` lists the bookings repair gave
// up on, `npm run admin -- retry <booking id>` sends one back to the queue. In a deployment:
// `node dist/server/admin.js …`. It opens the store the service uses (DATABASE_URL, else
// SQLITE_PATH, read and checked as the service does) and prints no personal data.
import { hostname } from "node:os";
import { z } from "zod";
import { EnvSchema } from "../config";
import { openStore } from "../db/database";
import { listAttention, retryAttention, type AttentionItem } from "./needs-attention";

const USAGE = `usage: npm run admin -- needs-attention [--json]
       npm run admin -- retry <booking id>`;

const DbEnv = EnvSchema.pick({ DATABASE_URL: true, SQLITE_PATH: true });
const BookingId = z.uuid({ error: "the booking id must be a UUID" });

function fail(message: string, code = 1): never {
  process.stderr.write(`admin: ${message}\n`);
  process.exit(code);
}

function table(items: AttentionItem[]): string {
  const head = ["booking id", "provider", "state", "attempts", "last error", "since"];
  const rows = items.map((i) => [
    i.bookingId,
    i.provider,
    i.state,
    String(i.attempts),
    i.lastError ?? "-",
    i.since ?? "-",
  ]);
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) => cells.map((cell, c) => cell.padEnd(widths[c]!)).join("  ");
  return [line(head), ...rows.map(line)].map((l) => l.trimEnd()).join("\n");
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command !== "needs-attention" && command !== "retry") fail(USAGE, 2);
  const cleaned = Object.fromEntries(
    Object.entries(process.env).filter(([, v]) => v !== undefined && v !== ""),
  );
  const env = DbEnv.safeParse(cleaned);
  if (!env.success)
    fail(
      `invalid environment: ${env.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  const { DATABASE_URL, SQLITE_PATH } = env.data;
  const store = openStore(
    DATABASE_URL
      ? { kind: "postgres", url: DATABASE_URL, poolMax: 2 }
      : { kind: "sqlite", path: SQLITE_PATH },
  );
  try {
    if (command === "needs-attention") {
      const items = await listAttention(store.db);
      if (rest.includes("--json")) process.stdout.write(`${JSON.stringify(items)}\n`);
      else if (items.length === 0) process.stdout.write("no booking needs attention\n");
      else process.stdout.write(`${table(items)}\n${items.length} booking(s) need attention\n`);
      return;
    }
    const id = BookingId.safeParse(rest[0]);
    if (!id.success) fail(`${id.error.issues[0]!.message}\n${USAGE}`, 2);
    const result = await retryAttention(store.db, id.data, new Date(), `admin@${hostname()}`);
    const said: Record<typeof result, string> = {
      queued: `booking ${id.data} goes back to the repair queue; the next job pass retries it`,
      not_found: `no booking ${id.data}`,
      not_needing_attention: `booking ${id.data} does not need attention`,
      state_unknown: `booking ${id.data} has no recorded state to retry from; repair it by hand`,
    };
    if (result !== "queued") fail(said[result]);
    process.stdout.write(`${said[result]}\n`);
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  fail(err instanceof Error ? err.message : String(err));
});
