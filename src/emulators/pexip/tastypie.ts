import { z } from "zod";
import { json, type Reply } from "../http/reply";

// Django/Tastypie wording, so that a client logging Infinity's 400s logs the same text here.
export const djangoMessages = {
  required: "This field is required.",
  choice: (value: unknown) =>
    `Select a valid choice. ${String(value)} is not one of the available choices.`,
  maxLength: (max: number, actual: number) =>
    `Ensure this value has at most ${max} characters (it has ${actual}).`,
  boolean: (value: unknown) => `'${String(value)}' value must be either True or False.`,
  integer: (value: unknown) => `'${String(value)}' value must be an integer.`,
  unique: (model: string, field: string) => `${model} with this ${field} already exists.`,
  badUri: (value: unknown) =>
    `Could not find the provided object via resource URI '${String(value)}'.`,
};

export function text(max: number) {
  return z
    .string({ error: (iss) => `'${String(iss.input)}' value must be a string.` })
    .max(max, { error: (iss) => djangoMessages.maxLength(max, String(iss.input).length) });
}

export function choice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: (iss) => djangoMessages.choice(iss.input) });
}

export const bool = z.boolean({ error: (iss) => djangoMessages.boolean(iss.input) });

export function integer(min: number, max: number) {
  return z
    .number({ error: (iss) => djangoMessages.integer(iss.input) })
    .int({ error: (iss) => djangoMessages.integer(iss.input) })
    .min(min, { error: `Ensure this value is greater than or equal to ${min}.` })
    .max(max, { error: `Ensure this value is less than or equal to ${max}.` });
}

/** A foreign key given as a resource URI of another configuration resource. */
export function resourceUri(resource: string) {
  const pattern = new RegExp(`^/api/admin/configuration/v1/${resource}/\\d+/$`);
  return z.string().regex(pattern, { error: (iss) => djangoMessages.badUri(iss.input) });
}

export type FieldErrors = Record<string, string[]>;

export function addError(errors: FieldErrors, field: string, message: string): void {
  (errors[field] ??= []).push(message);
}

/** Tastypie's validation error: `{ "<resource_name>": { "<field>": ["message", …] } }`. */
export function validationError(resource: string, errors: FieldErrors): Reply {
  return json(400, { [resource]: errors });
}

export function zodToFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues)
    addError(errors, String(issue.path[0] ?? "__all__"), issue.message);
  return errors;
}

/** Tastypie's plain error body, used for bad filters, limits and content. */
export function plainError(message: string, status = 400): Reply {
  return json(status, { error: message });
}

const TRUE_TEXT = new Set(["true", "True", "1"]);
const FALSE_TEXT = new Set(["false", "False", "0"]);

/**
 * Tastypie reads a boolean filter's "true", "True" or "1" as True (and the false forms as
 * False); the list filters compare text, so the value is rewritten to "true"/"false" first.
 */
export function normalizeBooleanFilters(
  query: URLSearchParams,
  fields: readonly string[],
): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of query) {
    const field = key.split("__")[0] ?? "";
    const isBool = fields.includes(field);
    const text =
      isBool && TRUE_TEXT.has(value) ? "true" : isBool && FALSE_TEXT.has(value) ? "false" : value;
    out.append(key, text);
  }
  return out;
}
