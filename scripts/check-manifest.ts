// `npm run check:manifest [manifest.xml] [--dist dist]`: checks the manifest offline. Icons and
// the launch-event bundle are read from the build (npm run build first); without a build only
// the XML is checked and the command says so.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkManifest } from "./manifest/check";
import { distIconSize, registeredLaunchFunctions } from "./manifest/build-inputs";

export function runCli(argv: string[]): number {
  const distIndex = argv.indexOf("--dist");
  const dist = path.resolve(distIndex >= 0 ? (argv[distIndex + 1] ?? "dist") : "dist");
  const file = path.resolve(
    argv.find((a, i) => !a.startsWith("--") && argv[i - 1] !== "--dist") ?? "manifest.xml",
  );
  const xml = readFileSync(file, "utf8");
  const bundle = path.join(dist, "launchevent.js");
  if (!existsSync(bundle)) {
    process.stderr.write(
      `${path.relative(process.cwd(), dist)}/launchevent.js not found: run npm run build first\n`,
    );
    return 2;
  }
  const problems = checkManifest(xml, {
    iconSize: distIconSize(dist),
    registeredFunctions: registeredLaunchFunctions(readFileSync(bundle, "utf8")),
  });
  const name = path.relative(process.cwd(), file);
  for (const p of problems) process.stderr.write(`${name}:${p.line}: ${p.message}\n`);
  process.stdout.write(
    problems.length === 0 ? `${name}: no problems\n` : `${name}: ${problems.length} problem(s)\n`,
  );
  return problems.length === 0 ? 0 : 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  process.exitCode = runCli(process.argv.slice(2));
