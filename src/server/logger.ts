// pino JSON logs with request ids. What must never reach a log line: tokens, manageKeys, PINs,
// host links, join links, and the Authorization / X-Manage-Key headers. Requests are logged by
// method, route and id only (no headers, no query, no bodies); the redaction list is the second
// line of defence for objects someone logs by mistake.
import type { FastifyServerOptions } from "fastify";
import { type DestinationStream, type Logger, type LoggerOptions, pino } from "pino";
import { redactSecrets } from "./log-redaction";

interface RequestLike {
  method: string;
  id: string;
  routeOptions?: { url?: string };
  url: string;
}

// Fastify logs whole requests and replies under these keys; the serializers below keep only
// method, route pattern, id and status, so redaction need not walk (or copy) them.
const SERIALIZED = new Set(["req", "res"]);

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    // Redaction (log-redaction.ts) instead of pino's `redact`, which costs ~140 us a line.
    formatters: {
      log: (obj) => redactSecrets(obj, SERIALIZED),
      bindings: (bindings) => redactSecrets(bindings),
    },
    serializers: {
      // The route pattern, not the URL: a query string is never logged.
      req: (req: RequestLike) => ({
        method: req.method,
        route: req.routeOptions?.url ?? req.url.split("?")[0],
        id: req.id,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}

/** The service's logger: pino with `loggerOptions`, on stdout or on `destination` (tests). */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const root = destination ? pino(loggerOptions(level), destination) : pino(loggerOptions(level));
  // pino formats only the root's bindings; every child (Fastify makes one per request) inherits
  // this `child`, so its bindings are redacted like a log line's object.
  const pinoChild = root.child;
  root.child = function child(this: Logger, bindings, options) {
    return pinoChild.call(this, redactSecrets(bindings), options);
  } as Logger["child"];
  return root;
}

/** Fastify's logger: the service's, or a given pino instance (tests capture output). */
export function fastifyLogger(
  level: string,
  instance?: FastifyServerOptions["loggerInstance"],
): Pick<FastifyServerOptions, "loggerInstance"> {
  return { loggerInstance: instance ?? createLogger(level) };
}
