import { mediaType, readJson, type EmuRequest } from "../http/request";
import { type Reply } from "../http/reply";
import { plainError } from "./tastypie";

/** Reads a Tastypie JSON body: JSON content type and a JSON object, or a 400. */
export function readObjectBody(
  req: EmuRequest,
): { ok: true; value: Record<string, unknown> } | { ok: false; reply: Reply } {
  if (mediaType(req) !== "application/json")
    return { ok: false, reply: plainError("Content-Type must be application/json.") };
  const body = readJson(req);
  if (!body.ok) return { ok: false, reply: plainError(`Malformed JSON: ${body.reason}.`) };
  if (typeof body.value !== "object" || body.value === null || Array.isArray(body.value))
    return { ok: false, reply: plainError("The request body must be a JSON object.") };
  return { ok: true, value: body.value as Record<string, unknown> };
}
