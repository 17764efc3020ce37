// Security headers, CORS and rate limits. The API gets helmet's strictest answer (nothing may
// frame or embed it); the add-in's pages get headers Outlook can live with: Office.js from
// Microsoft's CDN, framing by Outlook on the web, images loadable by Outlook's ribbon.
import cors from "@fastify/cors";
import helmet, { type FastifyHelmetOptions } from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import Fastify, {
  type FastifyInstance,
  type FastifyRequest,
  type RouteShorthandOptions,
} from "fastify";
import type { Config } from "../config";
import { AppError } from "../errors";

const OFFICE_CDN = ["https://appsforoffice.microsoft.com", "https://ajax.aspnetcdn.com"];

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null; // a path on our own origin
  }
}

/** Helmet's options for the API: nothing may frame or embed it. */
export const API_HELMET: FastifyHelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"] },
  },
  hsts: { maxAge: 31_536_000, includeSubDomains: false },
};

/**
 * Route options for the add-in's pages and files (task pane, commands, icons, manifest).
 * `inlineScripts`: CSP sources (`'sha256-…'`) of the few inline scripts a page must run without
 * the service (the task pane's "cannot start" fallback).
 */
export function pageHelmet(
  config: Config,
  inlineScripts: readonly string[] = [],
): NonNullable<RouteShorthandOptions["helmet"]> {
  const signIn = config.clientConfig.signIn;
  const connect = [
    "'self'",
    signIn.kind === "msal" ? originOf(signIn.authority) : originOf(signIn.tokenUrl),
    originOf(config.clientConfig.apiBaseUrl),
  ].filter((v): v is string => v !== null);
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...OFFICE_CDN, ...inlineScripts],
        // Fluent UI (Griffel) inserts style elements at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: [
          "'self'",
          "data:",
          "https://res-1.cdn.office.net",
          "https://static2.sharepointonline.com",
        ],
        connectSrc: [...new Set(connect)],
        // Office.js opens its own helper frames on Microsoft's origins.
        frameSrc: ["'self'", "https:"],
        frameAncestors: config.server.frameAncestors,
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    // X-Frame-Options cannot list Outlook's origins; CSP frame-ancestors does it instead.
    frameguard: false,
    // Outlook shows our icons from its own origin, and MSAL / the Office dialog use popups.
    crossOriginResourcePolicy: { policy: "cross-origin" },
    crossOriginOpenerPolicy: { policy: "unsafe-none" },
    crossOriginEmbedderPolicy: false,
  };
}

export type RateLimiter = (request: FastifyRequest) => Promise<void>;

export interface Limiters {
  byUser: RateLimiter;
}

/**
 * The headers @fastify/helmet sets with `options`, taken from one request to a probe app running
 * the plugin itself.
 */
export async function helmetHeaders(
  options: FastifyHelmetOptions,
): Promise<Record<string, string>> {
  const probe = Fastify();
  let headers: Record<string, string> = {};
  await probe.register(helmet, { ...options, global: true });
  probe.addHook("onRequest", async (_request, reply) => {
    headers = Object.fromEntries(
      Object.entries(reply.getHeaders()).map(([name, value]) => [name, String(value)]),
    );
  });
  probe.get("/", async () => "");
  await probe.inject({ method: "GET", url: "/" });
  await probe.close();
  return headers;
}

/** Helmet for everything (strict by default), CORS for the add-in's origin, rate limits. */
export async function registerSecurity(app: FastifyInstance, config: Config): Promise<Limiters> {
  // A route with its own `helmet` option (the pages, the dev harness) is handled by the plugin
  // as before. Every other one (the API, 404s) gets the API's headers computed once: the plugin
  // would build helmet's whole middleware chain anew on every request (~4 % of a create's
  // allocations) although the headers only depend on the options.
  await app.register(helmet, { ...API_HELMET, global: false });
  const api = await helmetHeaders(API_HELMET);
  app.addHook("onRequest", (request, reply, done) => {
    if ((request.routeOptions.config as { helmet?: unknown }).helmet === undefined)
      reply.headers(api);
    done();
  });
  await app.register(cors, {
    origin: [config.server.publicOrigin],
    methods: ["GET", "POST", "PATCH", "DELETE"],
    allowedHeaders: [
      "Authorization",
      "Content-Type",
      "Idempotency-Key",
      "X-Manage-Key",
      "Accept-Language",
    ],
    exposedHeaders: ["Retry-After", "X-Request-Id", "Idempotent-Replayed"],
    maxAge: 600,
  });
  await app.register(rateLimit, { global: false });
  const limiter = (max: number, key: (r: FastifyRequest) => string): RateLimiter => {
    const check = app.createRateLimit({ max, timeWindow: 60_000, keyGenerator: key });
    return async (request) => {
      const result = await check(request);
      if (!result.isAllowed && result.isExceeded) {
        throw Object.assign(new AppError("rate_limited", "rate limit"), {
          retryAfterSeconds: result.ttlInSeconds,
        });
      }
    };
  };
  // Before sign-in only the address is known; after it the user is (many users share a NAT).
  const byIp = limiter(config.rateLimit.perIpPerMinute, (r) => `ip:${r.ip}`);
  const byUser = limiter(config.rateLimit.perUserPerMinute, (r) =>
    r.user ? `user:${r.user.tid}:${r.user.oid}` : `ip:${r.ip}`,
  );
  app.addHook("onRequest", async (request) => {
    if (request.method !== "OPTIONS") await byIp(request);
  });
  return { byUser };
}
