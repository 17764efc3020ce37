import { type IncomingHttpHeaders } from "node:http";

/** A request as the emulators see it: fully read, URL parsed. */
export interface EmuRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export function header(req: EmuRequest, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

export function mediaType(req: EmuRequest): string {
  return (header(req, "content-type") ?? "").split(";")[0]!.trim().toLowerCase();
}

export type JsonResult = { ok: true; value: unknown } | { ok: false; reason: string };

export function readJson(req: EmuRequest): JsonResult {
  const text = req.body.toString("utf8");
  if (text.trim() === "") return { ok: false, reason: "empty body" };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reason: "body is not valid JSON" };
  }
}

export function readForm(req: EmuRequest): URLSearchParams {
  return new URLSearchParams(req.body.toString("utf8"));
}
