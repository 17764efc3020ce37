import { mediaType, readJson, type EmuRequest } from "../http/request";
import { empty, type Reply } from "../http/reply";
import { type Route } from "../http/router";
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

/** A handler for a request with a Tastypie JSON body (POST on a list). */
export function withBody(handle: (body: Record<string, unknown>) => Reply): Route["handle"] {
  return (req) => {
    const body = readObjectBody(req);
    return body.ok ? handle(body.value) : body.reply;
  };
}

/** A handler for one stored object and a JSON body (PATCH, PUT): 404 when there is none. */
export function withObjectBody<R>(
  find: (id: number) => R | undefined,
  handle: (record: R, body: Record<string, unknown>) => Reply,
): Route["handle"] {
  return (req, { id }) => {
    const record = find(Number(id));
    if (!record) return empty(404);
    const body = readObjectBody(req);
    return body.ok ? handle(record, body.value) : body.reply;
  };
}
