import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { FaultBook } from "./faults/fault-book";
import { type FaultInput } from "./faults/fault-spec";
import { isPreflight, preflight, withCors } from "./http/cors";
import { readJson, type EmuRequest } from "./http/request";
import { empty, json, withHeaders, type Reply } from "./http/reply";
import { matchRoute, type Route } from "./http/router";
import { startHttpServer, type HttpServerHandle } from "./http/server";

/** What each emulator plugs into the shared shell. */
export interface EmulatorCore<State = unknown> {
  /** Answers an API request (any path outside /_emulator/). */
  handle(req: EmuRequest): Promise<Reply>;
  /** An injected status, in the emulated API's own error format. */
  faultReply(status: number): Reply;
  /** GET /_emulator/state: what exists, each object as the API returns it. */
  state(): State;
  /** POST /_emulator/reset: back to the start (the shell also clears faults). */
  reset(): void;
  /** Extra /_emulator/ routes of this emulator. */
  controlRoutes?: Route[];
}

export interface EmulatorServer extends HttpServerHandle {
  faults: FaultBook;
  /** API requests answered so far (not /_emulator/ ones): how much a client spends upstream. */
  apiRequests(): number;
}

/** What every start…Emulator() resolves to; each adds its own helpers. */
export interface EmulatorHandle<State> extends EmulatorServer {
  /** Same as GET /_emulator/state (without the fault list). */
  state(): State;
  /** Same as POST /_emulator/reset: clears state and faults. */
  reset(): void;
}

/**
 * Starts one emulator: its API behind the fault injector, and the unauthenticated
 * /_emulator/ control endpoints (state, reset, faults) beside it. The handle's `state` and
 * `reset` are the control endpoints' own.
 */
export async function startEmulatorServer<State>(
  core: EmulatorCore<State>,
  options: { port?: number; faults?: readonly FaultInput[] },
  defaultPort: number,
): Promise<EmulatorHandle<State>> {
  const faults = new FaultBook(options.faults);
  const reset = () => {
    core.reset();
    faults.clear();
  };
  const control = controlRoutes(core, reset, faults);
  let apiRequests = 0;
  const server = await startHttpServer({
    port: options.port ?? defaultPort,
    async handle(req) {
      if (req.url.pathname.startsWith("/_emulator/")) return handleControl(req, control);
      apiRequests += 1;
      return handleApi(req, core, faults);
    },
  });
  return {
    ...server,
    faults,
    apiRequests: () => apiRequests,
    state: () => core.state(),
    reset,
  };
}

async function handleApi(req: EmuRequest, core: EmulatorCore, faults: FaultBook): Promise<Reply> {
  const fault = faults.pick(req.method, req.url.pathname);
  if (!fault) return core.handle(req);
  if (fault.latencyMs) await sleep(fault.latencyMs);
  const real = fault.when === "after" ? await core.handle(req) : undefined;
  if (fault.hang) return { status: 0, action: "hang" };
  if (fault.drop) return { status: 0, action: "drop" };
  if (fault.status !== undefined) {
    const reply = core.faultReply(fault.status);
    return fault.retryAfter === undefined
      ? reply
      : withHeaders(reply, { "retry-after": String(fault.retryAfter) });
  }
  return real ?? core.handle(req);
}

async function handleControl(req: EmuRequest, routes: Route[]): Promise<Reply> {
  if (isPreflight(req)) return preflight(req, "GET, POST, DELETE, OPTIONS");
  const match = matchRoute(routes, req);
  let reply: Reply;
  if (match.kind === "found") reply = await match.handle(req, match.params);
  else if (match.kind === "method-not-allowed")
    reply = json(405, { error: "method not allowed" }, { allow: match.allowed.join(", ") });
  else reply = json(404, { error: `no emulator control endpoint ${req.url.pathname}` });
  return withCors(req, reply);
}

function controlRoutes(core: EmulatorCore, reset: () => void, faults: FaultBook): Route[] {
  return [
    {
      method: "GET",
      path: /^\/_emulator\/state$/,
      handle: () => json(200, { ...(core.state() as object), faults: faults.list() }),
    },
    {
      method: "POST",
      path: /^\/_emulator\/reset$/,
      handle: () => {
        reset();
        return empty(204);
      },
    },
    { method: "GET", path: /^\/_emulator\/faults$/, handle: () => json(200, faults.list()) },
    {
      method: "POST",
      path: /^\/_emulator\/faults$/,
      handle: (req) => {
        const body = readJson(req);
        if (!body.ok) return json(400, { error: body.reason });
        try {
          return json(201, faults.add(body.value as FaultInput));
        } catch (err) {
          return badControlInput(err);
        }
      },
    },
    {
      method: "DELETE",
      path: /^\/_emulator\/faults$/,
      handle: () => {
        faults.clear();
        return empty(204);
      },
    },
    {
      method: "DELETE",
      path: /^\/_emulator\/faults\/(?<id>\d+)$/,
      handle: (_req, params) =>
        faults.remove(Number(params.id)) ? empty(204) : json(404, { error: "no such fault" }),
    },
    ...(core.controlRoutes ?? []),
  ];
}

/** A 400 for bad input to an /_emulator/ endpoint, with zod's readable explanation. */
export function badControlInput(err: unknown): Reply {
  if (err instanceof z.ZodError) return json(400, { error: z.prettifyError(err) });
  throw err;
}

/** Parses a control endpoint's JSON body with a schema; the Reply is the 400 to send. */
export function parseControlBody<T extends z.ZodType>(
  req: EmuRequest,
  schema: T,
  { allowEmpty = false } = {},
): { ok: true; value: z.infer<T> } | { ok: false; reply: Reply } {
  const body =
    req.body.length === 0 && allowEmpty ? { ok: true as const, value: {} } : readJson(req);
  if (!body.ok) return { ok: false, reply: json(400, { error: body.reason }) };
  const parsed = schema.safeParse(body.value);
  if (!parsed.success)
    return { ok: false, reply: json(400, { error: z.prettifyError(parsed.error) }) };
  return { ok: true, value: parsed.data };
}
