// `npm run smoke -- --env-file /etc/skyddat-vardmote/production.env`: the region's go-live check
// against its own tenant and Pexip (docs/deploy.md, "Smoke test"). Exit code 0 = all green.
import { readFileSync } from "node:fs";
import { parseEnvFile } from "./smoke-env";
import { formatChecklist } from "./smoke-report";
import { runSmoke } from "./smoke-run";

function usage(): never {
  process.stderr.write(
    "usage: npm run smoke -- [--env-file <file>]\n" +
      "  the file holds the service's production variables; also set SMOKE_ORGANIZER_OID\n" +
      "  (a test user's object id) and optionally SMOKE_USER_TOKEN (a token the add-in got)\n",
  );
  process.exit(2);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let fileEnv: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 1) {
    if (args[i] === "--env-file" && args[i + 1]) {
      const path = args[(i += 1)]!;
      try {
        fileEnv = parseEnvFile(readFileSync(path, "utf8"));
      } catch (err) {
        process.stderr.write(`smoke: cannot read ${path}: ${(err as Error).message}\n`);
        process.exit(2);
      }
    } else usage();
  }
  // The file wins over the shell: the smoke test checks what the service will run with.
  const lines = await runSmoke({ ...process.env, ...fileEnv });
  process.stdout.write(formatChecklist(lines));
  process.exit(lines.some((l) => l.outcome === "failed") ? 1 : 0);
}

main().catch((err: unknown) => {
  process.stderr.write(
    `smoke: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(2);
});
