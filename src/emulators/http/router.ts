import { type EmuRequest } from "./request";
import { type Reply } from "./reply";

export type RouteHandler = (
  req: EmuRequest,
  params: Record<string, string>,
) => Reply | Promise<Reply>;

/** One route: a method and a path regex whose named groups become `params`. */
export interface Route {
  method: string;
  path: RegExp;
  handle: RouteHandler;
}

export type RouteMatch =
  | { kind: "found"; handle: RouteHandler; params: Record<string, string> }
  | { kind: "method-not-allowed"; allowed: string[] }
  | { kind: "not-found" };

export function matchRoute(routes: readonly Route[], req: EmuRequest): RouteMatch {
  const allowed: string[] = [];
  for (const route of routes) {
    const m = route.path.exec(req.url.pathname);
    if (!m) continue;
    if (route.method === req.method) {
      return { kind: "found", handle: route.handle, params: { ...m.groups } };
    }
    allowed.push(route.method);
  }
  return allowed.length > 0 ? { kind: "method-not-allowed", allowed } : { kind: "not-found" };
}
