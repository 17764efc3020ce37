// The house rules a linter and the compiler can see, each proven by a deliberate violation:
// test/fixtures/boundaries/* are linted (ESLint's API, the project's eslint.config.js) as if they
// sat at the path their first line names, and test/fixtures/rooms/* are type-checked with their
// room's tsconfig (TypeScript 7). A rule that stopped working fails here, not in review.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const LINT_FIXTURES = path.join(ROOT, "test/fixtures/boundaries");
const TYPE_FIXTURES = path.join(ROOT, "test/fixtures/rooms");
const TSC = path.join(ROOT, "node_modules/typescript7/bin/tsc");

const eslint = new ESLint({ cwd: ROOT });

/** The fixture's text linted as the file its first line names ("// Linted as src/…: why"). */
async function lintAs(fixture: string): Promise<{ as: string; rules: string[] }> {
  const text = readFileSync(path.join(LINT_FIXTURES, fixture), "utf8");
  const as = /^\/\/ Linted as (src\/\S+?):/.exec(text)?.[1];
  if (!as) throw new Error(`${fixture} does not say which file it is linted as`);
  const [result] = await eslint.lintText(text, { filePath: path.join(ROOT, as) });
  return { as, rules: (result?.messages ?? []).map((m) => m.ruleId ?? m.message) };
}

describe("eslint boundaries", () => {
  it.each([
    ["server-imports-taskpane.ts", "no-restricted-imports"],
    ["server-imports-emulators.ts", "no-restricted-imports"],
    ["taskpane-imports-server.ts", "no-restricted-imports"],
    ["shared-imports-taskpane.ts", "no-restricted-imports"],
    ["shared-imports-node.ts", "no-restricted-imports"],
    ["shared-uses-dom.ts", "no-restricted-globals"],
    ["commands-imports-taskpane.ts", "no-restricted-imports"],
    ["commands-imports-react.ts", "no-restricted-imports"],
    ["commands-uses-dom.ts", "no-restricted-globals"],
    ["emulators-imports-shared.ts", "no-restricted-imports"],
    ["taskpane-uses-office.ts", "no-restricted-globals"],
  ])("%s fails the lint (%s)", async (fixture, rule) => {
    const { rules } = await lintAs(fixture);
    expect(rules).toEqual([rule]);
  });

  it("lets a room import the shared core at any depth, and its own file named like a room", async () => {
    const { rules } = await lintAs("allowed.ts");
    expect(rules).toEqual([]);
  });
});

/** Type-checks one fixture as a member of `room` (its lib and types), nothing else. */
function typeCheckAs(room: string, fixture: string): string {
  const dir = path.join(ROOT, "node_modules/.cache/room-fixtures");
  mkdirSync(dir, { recursive: true });
  const config = path.join(dir, `${room}-${fixture}.json`);
  writeFileSync(
    config,
    JSON.stringify({
      extends: path.join(ROOT, "src", room, "tsconfig.json"),
      compilerOptions: {
        composite: false,
        emitDeclarationOnly: false,
        incremental: false,
        noEmit: true,
        rootDir: ROOT,
      },
      files: [path.join(TYPE_FIXTURES, fixture)],
      include: [],
      references: [],
    }),
  );
  try {
    execFileSync(process.execPath, [TSC, "-p", config, "--pretty", "false"], { encoding: "utf8" });
    return "";
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
}

describe("types per room (a tsconfig per folder of src/)", () => {
  it.each([
    ["shared", "shared-uses-dom.ts", /Cannot find name 'document'/],
    ["shared", "shared-uses-node.ts", /Cannot find name 'process'/],
    ["server", "server-uses-dom.ts", /Cannot find name 'document'/],
    ["taskpane", "taskpane-uses-node.ts", /Cannot find name 'process'/],
    ["commands", "commands-uses-dom.ts", /Cannot find name 'document'/],
  ])("src/%s refuses %s", (room, fixture, error) => {
    const output = typeCheckAs(room, fixture);
    expect(output).toMatch(error);
    // Only the deliberate violation: the fixture's other lines compile in that room.
    expect(output.trim().split("\n")).toHaveLength(1);
  });
});
