import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  POLICY_SCHEMA_COMMAND,
  POLICY_SCHEMA_FILE,
  policyJsonSchema,
} from "../../scripts/policy-schema";
import { runCli } from "../../scripts/check-policy";
import { DEFAULT_POLICY } from "../../src/shared/policy";

function run(argv: string[]): { code: number; out: string; err: string } {
  let out = "";
  let err = "";
  const code = runCli(
    argv,
    (text) => (out += text),
    (text) => (err += text),
  );
  return { code, out, err };
}

function tempFile(content: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "policy-")), "policy.json");
  writeFileSync(file, content);
  return file;
}

describe("docs/policy.schema.json", () => {
  it("is what the zod schema generates today", () => {
    const checkedIn: unknown = JSON.parse(readFileSync(POLICY_SCHEMA_FILE, "utf8"));
    // Other work adds policy fields often: the failure names the one command that fixes it.
    expect(
      checkedIn,
      `${POLICY_SCHEMA_FILE} is out of date with src/shared/policy/schema.ts: run \`${POLICY_SCHEMA_COMMAND}\` and commit the file`,
    ).toEqual(policyJsonSchema());
  });

  it("names every top-level field the schema accepts", () => {
    const schema = policyJsonSchema() as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(["version", "defaultType", "types", "serviceNames", "pexip"]),
    );
  });
});

describe("npm run check:policy", () => {
  it("accepts the other region's example in docs/examples and summarises its types", () => {
    const result = run(["docs/examples/policy-two-services.json"]);
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    expect(result.out).toContain('care: "Vårdmöte patient" → pexip, max 10');
    expect(result.out).toContain('information: "Informationsmöte patient" → pexip, max 40');
  });

  it("prints the built-in policy, which passes its own check", () => {
    const printed = run(["--default"]);
    expect(printed.code).toBe(0);
    expect(JSON.parse(printed.out)).toEqual(JSON.parse(JSON.stringify(DEFAULT_POLICY)));
    expect(run([tempFile(printed.out)]).code).toBe(0);
  });

  it("names each bad field by its path and exits 1", () => {
    const policy = JSON.parse(JSON.stringify(DEFAULT_POLICY)) as {
      types: Array<Record<string, unknown>>;
    };
    policy.types[0]!.participantLimit = 0;
    policy.types[1]!.invitation = { sv: { heading: "x", lines: ["{{namn}}"], location: "y" } };
    const result = run([tempFile(JSON.stringify(policy))]);
    expect(result.code).toBe(1);
    expect(result.err).toContain("types[0].participantLimit");
    expect(result.err).toContain('unknown template variable "namn"');
    expect(result.err).toContain("types[1].invitation.en");
  });

  it("tells unreadable files and a missing argument apart from invalid ones (exit 2)", () => {
    expect(run([tempFile("{ not json")]).err).toMatch(/cannot read as JSON/);
    expect(run([tempFile("{ not json")]).code).toBe(2);
    const none = run([]);
    expect(none.code).toBe(2);
    expect(none.err).toContain("Usage: npm run check:policy");
  });
});
