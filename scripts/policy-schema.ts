// `npm run policy:schema`: writes docs/policy.schema.json, the meeting-type policy file's JSON
// Schema, generated from the zod schema in src/shared/policy (the one source of truth). Run it
// after changing that schema; test/scripts/policy-schema.test.ts fails until you do.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { format } from "prettier";
import { z } from "zod";
import { PolicySchema } from "../src/shared/policy";

export const POLICY_SCHEMA_FILE = path.join("docs", "policy.schema.json");
export const POLICY_SCHEMA_COMMAND = "npm run policy:schema";

/** The schema of what a region writes (`io: "input"`: fields with defaults are optional). */
export function policyJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(PolicySchema, {
    io: "input",
    // Template syntax and cross-field rules (duplicate ids, {{url}} present) are checked in
    // code only; `npm run check:policy FILE` runs those too.
    unrepresentable: "any",
  });
  return {
    $schema: generated.$schema,
    $comment: `Generated from src/shared/policy/schema.ts by \`${POLICY_SCHEMA_COMMAND}\`; do not edit. docs/policy.md describes each field.`,
    title: "Skyddat vårdmöte meeting-type policy (POLICY_FILE), version 1",
    ...Object.fromEntries(Object.entries(generated).filter(([key]) => key !== "$schema")),
  };
}

/** The file's text as checked in (prettier-formatted, so `npm run lint` accepts it). */
export async function policyJsonSchemaText(): Promise<string> {
  return format(JSON.stringify(policyJsonSchema()), { parser: "json" });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(POLICY_SCHEMA_FILE, await policyJsonSchemaText());
  process.stdout.write(`wrote ${POLICY_SCHEMA_FILE}\n`);
}
