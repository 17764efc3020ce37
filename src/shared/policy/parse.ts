import type { z } from "zod";
import { deepFreeze } from "./freeze";
import { type Policy, PolicySchema } from "./schema";

export type ParsePolicyResult = { ok: true; policy: Policy } | { ok: false; error: string };

/** `["types", 1, "participantLimit"]` → `types[1].participantLimit`, as region IT reads it. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out === "" ? "(policy)" : out;
}

function describe(error: z.ZodError): string {
  return error.issues.map((issue) => `${formatIssuePath(issue.path)}: ${issue.message}`).join("; ");
}

/**
 * Validates a region's policy file (already JSON-parsed). The error names each bad field by
 * its path, e.g. `types[1].participantLimit: Too small: expected number to be >=1`.
 */
export function parsePolicy(input: unknown): ParsePolicyResult {
  const result = PolicySchema.safeParse(input);
  if (!result.success) return { ok: false, error: describe(result.error) };
  return { ok: true, policy: deepFreeze(result.data) };
}

/** Thrown by `parsePolicyOrThrow`; `message` is the same text `parsePolicy` gives. */
export class PolicyError extends Error {
  override readonly name = "PolicyError";
}

/** For startup code that should stop on a bad policy file. */
export function parsePolicyOrThrow(input: unknown): Policy {
  const result = parsePolicy(input);
  if (!result.ok) throw new PolicyError(`invalid meeting-type policy: ${result.error}`);
  return result.policy;
}
