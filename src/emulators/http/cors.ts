import { header, type EmuRequest } from "./request";
import { empty, withHeaders, type Reply } from "./reply";

/** CORS for endpoints a browser page calls (the task pane on another origin). */
export function corsHeaders(req: EmuRequest): Record<string, string> {
  const origin = header(req, "origin");
  return origin
    ? { "access-control-allow-origin": origin, vary: "Origin" }
    : { "access-control-allow-origin": "*" };
}

export function isPreflight(req: EmuRequest): boolean {
  return req.method === "OPTIONS" && header(req, "access-control-request-method") !== undefined;
}

export function preflight(req: EmuRequest, methods: string): Reply {
  return empty(204, {
    ...corsHeaders(req),
    "access-control-allow-methods": methods,
    "access-control-allow-headers":
      header(req, "access-control-request-headers") ?? "content-type, authorization",
    "access-control-max-age": "600",
  });
}

export function withCors(req: EmuRequest, reply: Reply): Reply {
  return withHeaders(reply, corsHeaders(req));
}
