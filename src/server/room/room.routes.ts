// The waiting room's routes: a one-off view, a server-sent event stream of views, and
// "Släpp in". Authorised like the booking routes: a signed-in user and the booking's manageKey,
// with the same 403 whether the booking exists or not.
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  API_PREFIX,
  AdmitRequest,
  AdmitResponse,
  ApiError,
  ManageKey,
  MeetingParams,
  RoomView,
} from "../../shared";
import type { RoomEvent, RoomService } from "./room.service";

const ERRORS = {
  400: ApiError,
  401: ApiError,
  403: ApiError,
  404: ApiError,
  409: ApiError,
  429: ApiError,
  502: ApiError,
  503: ApiError,
  504: ApiError,
};

const ManageHeaders = z.object({ "x-manage-key": z.string().optional() });

const PRIVACY =
  "Waiting guests' display names are personal data: the service passes them to the pane in " +
  "this answer only — never stored, logged (at any level), cached beyond the request, counted " +
  "in metrics or put in an error. The meeting type's policy decides whether names or only " +
  "initials are given; participant ids are opaque (not the video service's ids).";

/** How often a quiet stream sends a comment, so proxies do not close it as idle. */
const KEEP_ALIVE_MS = 20_000;

function manageKeyOf(request: FastifyRequest): string | undefined {
  const parsed = ManageKey.safeParse(request.headers["x-manage-key"]);
  return parsed.success ? parsed.data : undefined;
}

function sse(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

function frame(event: RoomEvent): string {
  return event.kind === "view"
    ? sse("room", event.view)
    : sse("unavailable", { code: "provider_unavailable" });
}

export function registerRoomRoutes(
  app: FastifyInstance,
  rooms: RoomService,
  authenticate: (request: FastifyRequest) => Promise<void>,
  streamMaxMs: number,
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = `${API_PREFIX}/meetings/:id/room`;
  const security = [{ entra: [] }];
  // Open streams never end by themselves; closing the service ends them, or close would wait.
  const open = new Set<() => void>();
  app.addHook("preClose", (done) => {
    for (const shutdown of open) shutdown();
    done();
  });

  r.get(
    base,
    {
      onRequest: authenticate,
      schema: {
        summary: "The meeting's waiting room (Väntrum): who waits, who is in",
        description: PRIVACY,
        params: MeetingParams,
        headers: ManageHeaders,
        response: { 200: RoomView, ...ERRORS },
        security,
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      return rooms.view(request.params.id, manageKeyOf(request));
    },
  );

  r.get(
    `${base}/events`,
    {
      onRequest: authenticate,
      schema: {
        summary: "The waiting room as server-sent events (text/event-stream)",
        description:
          "`event: room` carries a RoomView (as GET …/room) after every poll of the video " +
          "service — one poll per room every few seconds whatever the number of viewers; " +
          "`event: unavailable` when the service did not answer; `event: end` when nothing " +
          "will change (Teams, a removed booking) or the stream reached its maximum age (reconnect). " +
          PRIVACY,
        params: MeetingParams,
        headers: ManageHeaders,
        response: ERRORS,
        security,
      },
    },
    async (request, reply) => {
      // Authorised before the stream opens, so a refusal is an ordinary JSON error.
      const watch = await rooms.watch(request.params.id, manageKeyOf(request));
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        ...(reply.getHeaders() as Record<string, string>),
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-store",
        "x-accel-buffering": "no",
      });
      if (watch.final) {
        raw.end(sse("room", watch.final) + sse("end", {}));
        return;
      }
      raw.write("retry: 3000\n\n");
      const end = () => raw.end(sse("end", { reconnect: true }));
      const stop = watch.subscribe((event) => raw.write(frame(event)));
      const keepAlive = setInterval(() => raw.write(": keep-alive\n\n"), KEEP_ALIVE_MS);
      // The token was checked when the stream opened; a bounded age makes the pane reconnect
      // (with a fresh token and a fresh check of the manageKey) now and then.
      const maxAge = setTimeout(() => end(), streamMaxMs);
      keepAlive.unref();
      maxAge.unref();
      // On shutdown the stream ends and its connection goes too: a keep-alive socket that is
      // still flushing would otherwise hold the server's close until the client lets go.
      const shutdown = () => raw.end(sse("end", { reconnect: true }), () => raw.destroy());
      open.add(shutdown);
      raw.on("close", () => {
        open.delete(shutdown);
        stop();
        clearInterval(keepAlive);
        clearTimeout(maxAge);
      });
    },
  );

  r.post(
    `${base}/admit`,
    {
      onRequest: authenticate,
      schema: {
        summary: "Let a waiting participant in (Släpp in), or everyone waiting",
        description: PRIVACY,
        params: MeetingParams,
        headers: ManageHeaders,
        body: AdmitRequest,
        response: { 200: AdmitResponse, ...ERRORS },
        security,
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      return rooms.admit(request.params.id, manageKeyOf(request), request.body);
    },
  );
}
