// pino JSON logs with request ids. What must never reach a log line: tokens, manageKeys, PINs,
// host links, join links, and the Authorization / X-Manage-Key headers. Requests are logged by
// method, route and id only (no headers, no query, no bodies); the redaction list is the second
// line of defence for objects someone logs by mistake.
import type { FastifyServerOptions } from "fastify";
import type { LoggerOptions } from "pino";

const SECRET_KEYS = [
  "authorization",
  "Authorization",
  "x-manage-key",
  "X-Manage-Key",
  "idempotency-key",
  "cookie",
  "token",
  "access_token",
  "accessToken",
  "manageKey",
  "manage_key",
  "pin",
  "guestPin",
  "hostPin",
  "host_secret",
  "hostUrl",
  "join",
  "joinUrl",
  "joinWebUrl",
  "url",
  "password",
  "secret",
  "clientSecret",
  "privateKeyPem",
  "passcode",
];

/** Each key at the top level and up to three levels down (pino's wildcards are one level). */
export const REDACT_PATHS = SECRET_KEYS.flatMap((key) => {
  const step = /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `["${key}"]`;
  const top = step.startsWith(".") ? key : step;
  return [top, `*${step}`, `*.*${step}`, `*.*.*${step}`];
});

interface RequestLike {
  method: string;
  id: string;
  routeOptions?: { url?: string };
  url: string;
}

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
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

/** Fastify's logger settings: pino options, or a given pino instance (tests capture output). */
export function fastifyLogger(
  level: string,
  instance?: FastifyServerOptions["loggerInstance"],
): Pick<FastifyServerOptions, "logger" | "loggerInstance"> {
  return instance ? { loggerInstance: instance } : { logger: loggerOptions(level) };
}
