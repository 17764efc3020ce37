// The one small HTTP client every external API goes through (style anchors "What to absorb" 4):
// base URL, auth header, JSON, per-attempt timeout, retries with backoff and Retry-After, one
// deadline per operation, zod-parsed answers and typed ProviderErrors. Provider code never sends
// a request itself.
import type { z } from "zod";
import type { ServiceId } from "../../shared";
import { ProviderError, type ProviderOperation } from "../errors";
import { backoffDelay, parseRetryAfter } from "./backoff";
import { currentCallScope } from "./call-scope";
import { systemClock, type Clock } from "./clock";
import { HttpPolicy, type HttpPolicyInput } from "./http-policy";
import { describeIssues, kindForStatus, networkDetail, retryableStatus } from "./outcome";
import {
  type FetchLike,
  type Transport,
  type TransportHeaders,
  fetchTransport,
  nodeTransport,
} from "./transport";

export type ProviderName = ServiceId | "entra";
export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
export type ErrorKind = ProviderError["kind"];

/** How a provider reads its API's error body: a safe detail (codes, field names — no values). */
export type DescribeError = (
  status: number,
  body: unknown,
) => { kind?: ErrorKind; detail?: string } | undefined;

/** One finished logical request (all attempts), for metrics; carries no URL and no body. */
export interface HttpCallEvent {
  provider: ProviderName;
  operation: ProviderOperation;
  method: HttpMethod;
  status?: number;
  attempts: number;
  durationMs: number;
  outcome: "ok" | ErrorKind;
}

export interface AuthHook {
  /** Headers for the next attempt (fetches or reuses a token within the same deadline). */
  headers(deadline: number): Promise<Record<string, string>>;
  /** Forget a token the API just refused, so one more attempt can use a fresh one. */
  invalidate?(): void;
}

export interface HttpClientOptions {
  provider: ProviderName;
  /** e.g. "https://graph.microsoft.com/v1.0"; request paths are appended to it. */
  baseUrl: string;
  policy?: HttpPolicyInput;
  auth?: AuthHook;
  headers?: Record<string, string>;
  describeError?: DescribeError;
  /** How requests go out; default node:http(s) with keep-alive. */
  transport?: Transport;
  /** A fetch to send with instead (wins over `transport`). */
  fetch?: FetchLike;
  clock?: Clock;
  /** In [0, 1): jitter source. */
  random?: () => number;
  observe?: (event: HttpCallEvent) => void;
}

export interface HttpRequest<T> {
  operation: ProviderOperation;
  method: HttpMethod;
  /** Starts with "/"; appended to the base URL as is (Pexip needs its trailing slashes). */
  path: string;
  query?: Record<string, string | number | undefined>;
  json?: unknown;
  /** application/x-www-form-urlencoded body (token endpoints). */
  form?: Record<string, string>;
  headers?: Record<string, string>;
  /** Parses a 2xx body; without it the body is ignored and `data` is undefined. */
  schema?: z.ZodType<T>;
  /** Non-2xx statuses the caller handles itself (e.g. 404 on delete, 400 on a duplicate). */
  passStatuses?: readonly number[];
  /** Absolute end (clock ms) shared by every request of one operation; default now + deadlineMs. */
  deadline?: number;
  /**
   * Default true: retry 408/429/5xx, timeouts and network errors. "throttled" retries only a
   * 429, which the API refused before doing anything: for a create that must not run twice.
   */
  retry?: boolean | "throttled";
  /** Skip the auth hook (the token request itself). */
  anonymous?: boolean;
}

export type HttpResponse<T> =
  | { ok: true; status: number; headers: TransportHeaders; data: T }
  | { ok: false; status: number; headers: TransportHeaders; body: unknown };

export interface HttpClient {
  readonly provider: ProviderName;
  readonly policy: HttpPolicy;
  /** A deadline for a new operation: pass it to every request the operation makes. */
  deadline(): number;
  request<T = undefined>(req: HttpRequest<T>): Promise<HttpResponse<T>>;
  /** `request` for calls that accept only 2xx: the parsed data. */
  send<T = undefined>(req: HttpRequest<T>): Promise<T>;
}

type Attempt =
  | { kind: "response"; status: number; headers: TransportHeaders; text: string }
  | { kind: "timeout" }
  | { kind: "network"; detail: string };

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const policy = HttpPolicy.parse(options.policy ?? {});
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const transport = options.fetch
    ? fetchTransport(options.fetch)
    : (options.transport ?? nodeTransport);
  const base = options.baseUrl.replace(/\/+$/, "");
  const provider = options.provider;

  const fail = (
    req: HttpRequest<unknown>,
    kind: ErrorKind,
    status?: number,
    detail?: string,
  ): ProviderError => new ProviderError(provider, req.operation, kind, status, detail);

  function buildUrl(req: HttpRequest<unknown>): string {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(req.query ?? {})) {
      if (value !== undefined) query.set(key, String(value));
    }
    const qs = query.toString();
    return `${base}${req.path}${qs ? `?${qs}` : ""}`;
  }

  async function attempt(
    req: HttpRequest<unknown>,
    url: string,
    timeoutMs: number,
    deadline: number,
  ): Promise<Attempt> {
    const headers: Record<string, string> = {
      accept: "application/json",
      ...options.headers,
      ...req.headers,
    };
    let body: string | undefined;
    if (req.json !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(req.json);
    } else if (req.form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      body = new URLSearchParams(req.form).toString();
    }
    if (options.auth && !req.anonymous)
      Object.assign(headers, await options.auth.headers(deadline));

    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      // Never follows a redirect: it would carry our credentials somewhere we did not configure.
      const res = await transport(url, {
        method: req.method,
        headers,
        body,
        signal: controller.signal,
      });
      return { kind: "response", status: res.status, headers: res.headers, text: res.text };
    } catch (error) {
      if (controller.signal.aborted) return { kind: "timeout" };
      return { kind: "network", detail: networkDetail(error) };
    } finally {
      clearTimeout(timer);
    }
  }

  function parseBody(text: string): { ok: true; value: unknown } | { ok: false } {
    if (text.trim() === "") return { ok: true, value: undefined };
    try {
      return { ok: true, value: JSON.parse(text) as unknown };
    } catch {
      return { ok: false };
    }
  }

  async function run<T>(
    req: HttpRequest<T>,
    stats: { attempts: number },
  ): Promise<HttpResponse<T>> {
    const deadline = req.deadline ?? clock.now() + policy.deadlineMs;
    const url = buildUrl(req);
    const retry = req.retry ?? true;
    const maxAttempts = retry === false ? 1 : policy.maxAttempts;
    let tokenRefreshed = false;
    let last: ProviderError | undefined;

    for (let n = 1; ; n += 1) {
      const remaining = deadline - clock.now();
      if (remaining <= 0) throw last ?? fail(req, "timeout", undefined, "deadline passed");
      stats.attempts = n;
      const result = await attempt(
        req,
        url,
        Math.min(policy.attemptTimeoutMs, remaining),
        deadline,
      );
      let waitAtLeast = 0;
      const scope = currentCallScope();
      // Our own sign-in (Entra ID) is not the provider: its answers say nothing of what was made.
      if (scope && provider !== "entra" && !(result.kind === "response" && result.status === 429))
        scope.reached = true;

      if (result.kind === "response") {
        const { status, headers } = result;
        const parsed = parseBody(result.text);
        if (status >= 200 && status < 300) {
          if (!req.schema) return { ok: true, status, headers, data: undefined as T };
          if (!parsed.ok) throw fail(req, "rejected", status, "response is not JSON");
          const data = req.schema.safeParse(parsed.value);
          if (!data.success) {
            throw fail(
              req,
              "rejected",
              status,
              `unexpected response (${describeIssues(data.error)})`,
            );
          }
          return { ok: true, status, headers, data: data.data };
        }
        const body = parsed.ok ? parsed.value : undefined;
        if (req.passStatuses?.includes(status)) return { ok: false, status, headers, body };
        if (status === 401 && options.auth?.invalidate && !tokenRefreshed && !req.anonymous) {
          // A cached token the API no longer accepts: one fresh token, straight away.
          tokenRefreshed = true;
          options.auth.invalidate();
          last = fail(req, "not_authorized", status);
          continue;
        }
        const described = options.describeError?.(status, body);
        last = fail(req, described?.kind ?? kindForStatus(status), status, described?.detail);
        const retryable = retry === "throttled" ? status === 429 : retryableStatus(status);
        if (!retryable || described?.kind === "not_authorized") throw last;
        waitAtLeast = parseRetryAfter(headers.get("retry-after"), clock.now()) ?? 0;
        if (status === 429) {
          last.retryAfterMs = waitAtLeast;
          // The jobs yield to the bookings instead of waiting in line with them.
          if (scope?.noThrottleRetry) throw last;
        }
      } else {
        last =
          result.kind === "timeout"
            ? fail(req, "timeout", undefined, "no answer in time")
            : fail(req, "unavailable", undefined, result.detail);
        if (retry === "throttled") throw last;
      }

      if (n >= maxAttempts) throw last;
      const delay = Math.max(waitAtLeast, backoffDelay(n, policy, random));
      // Waiting past the deadline only to fail later helps no one: answer now.
      if (clock.now() + delay >= deadline) throw last;
      await clock.sleep(delay);
    }
  }

  async function request<T = undefined>(req: HttpRequest<T>): Promise<HttpResponse<T>> {
    const started = clock.now();
    const stats = { attempts: 0 };
    const report = (outcome: HttpCallEvent["outcome"], status?: number) =>
      options.observe?.({
        provider,
        operation: req.operation,
        method: req.method,
        status,
        attempts: stats.attempts,
        durationMs: clock.now() - started,
        outcome,
      });
    try {
      const res = await run(req, stats);
      report("ok", res.status);
      return res;
    } catch (error) {
      if (error instanceof ProviderError) report(error.kind, error.status);
      throw error;
    }
  }

  return {
    provider,
    policy,
    deadline: () => clock.now() + policy.deadlineMs,
    request,
    async send<T = undefined>(req: HttpRequest<T>): Promise<T> {
      const res = await request(req);
      if (!res.ok) throw fail(req, kindForStatus(res.status), res.status);
      return res.data;
    },
  };
}
