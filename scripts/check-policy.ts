// `npm run check:policy FILE`: validates a region's meeting-type policy file exactly as the
// service does at startup (POLICY_FILE), and prints what the pane will offer.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DEFAULT_POLICY, type Policy, parsePolicy } from "../src/shared/policy";

const USAGE = `Usage: npm run check:policy -- FILE     validates a policy JSON file (docs/policy.md)
       npm run check:policy -- --default  prints the built-in policy, a starting point for your own
`;

function summary(policy: Policy): string {
  const lines = policy.types.map((type) => {
    const limit = type.participantLimit === null ? "no limit" : `max ${type.participantLimit}`;
    const templates =
      type.templates1177.length === 0 ? "" : `, 1177: ${type.templates1177.join(" | ")}`;
    return `  ${type.id}: "${type.label.sv}" → ${type.service}, ${limit}${templates}`;
  });
  return [`default type ${policy.defaultType}, locale ${policy.defaultLocale}`, ...lines].join(
    "\n",
  );
}

/** Returns the exit code: 0 valid, 1 invalid, 2 unreadable or no file given. */
export function runCli(
  argv: string[],
  out: (text: string) => void,
  err: (text: string) => void,
): number {
  if (argv.includes("--default")) {
    out(`${JSON.stringify(DEFAULT_POLICY, null, 2)}\n`);
    return 0;
  }
  const file = argv.find((arg) => !arg.startsWith("--"));
  if (file === undefined) {
    err(USAGE);
    return 2;
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    err(`${file}: cannot read as JSON (${(error as Error).message})\n`);
    return 2;
  }
  const result = parsePolicy(json);
  if (!result.ok) {
    err(`${file}: invalid policy\n  ${result.error.split("; ").join("\n  ")}\n`);
    return 1;
  }
  out(`${file}: valid policy\n${summary(result.policy)}\n`);
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  process.exitCode = runCli(
    process.argv.slice(2),
    (text) => process.stdout.write(text),
    (text) => process.stderr.write(text),
  );
