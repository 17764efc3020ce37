// One soak client's HTTP calls, retried as the task pane retries them: the same request (and
// Idempotency-Key) again after a network error, a 429/502/503/504 or an answer marked
// `retryable`, after `Retry-After` when the service says so, otherwise after a growing pause.
// Every answer is logged for the invariants (the 5xx rule). Unlike the pane, PATCH and
// change-type are retried too: both carry absolute values, so a repeat changes nothing more.
import { setTimeout as sleep } from "node:timers/promises";
import { LEASE_SECONDS } from "./stack";

export interface Answer {
  status: number;
  body: unknown;
  /** True when the retries ran out of time (the last answer, or status 0 for no answer). */
  gaveUp: boolean;
}

export interface LoggedAnswer {
  at: number;
  method: string;
  route: string;
  status: number;
  code: string | null;
}

export interface ResponseLog {
  /** Count per "status code" (e.g. "201", "503 service_unavailable", "0 network"). */
  counts: Map<string, number>;
  /** Every 5xx, with its time, for the outage-window rule. */
  serverErrors: LoggedAnswer[];
  retries: number;
}

export function newResponseLog(): ResponseLog {
  return { counts: new Map(), serverErrors: [], retries: 0 };
}

const RETRY_STATUS = new Set([429, 502, 503, 504]);
/** Longer than a request can take with its provider calls at their deadlines (a lease and more). */
const REQUEST_TIMEOUT_MS = (LEASE_SECONDS + 15) * 1000;
const MAX_PAUSE_MS = 5_000;

export function errorCode(body: unknown): string | null {
  const error = (body as { error?: { code?: unknown } } | null)?.error;
  return typeof error?.code === "string" ? error.code : null;
}

function retryable(status: number, body: unknown): boolean {
  const flag = (body as { error?: { retryable?: unknown } } | null)?.error?.retryable;
  return typeof flag === "boolean" ? flag : RETRY_STATUS.has(status);
}

export interface ApiClient {
  call(
    method: "POST" | "PATCH" | "DELETE" | "GET",
    path: string,
    options?: { body?: unknown; headers?: Record<string, string>; route?: string },
  ): Promise<Answer>;
}

export function createApiClient(deps: {
  user: string;
  entraUrl: string;
  /** A live instance's base URL (a load balancer's choice), or undefined when none runs. */
  pickInstance: () => string | undefined;
  log: ResponseLog;
  /** No more retries after this time (ms since epoch). */
  giveUpAt: () => number;
}): ApiClient {
  let token: { value: string; until: number } | null = null;

  async function bearer(): Promise<string> {
    if (token && token.until > Date.now()) return token.value;
    const res = await fetch(`${deps.entraUrl}/_emulator/users/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ user: deps.user }),
    });
    if (!res.ok) throw new Error(`token for ${deps.user}: HTTP ${res.status}`);
    const value = ((await res.json()) as { access_token: string }).access_token;
    token = { value, until: Date.now() + 10 * 60_000 };
    return value;
  }

  function count(key: string): void {
    deps.log.counts.set(key, (deps.log.counts.get(key) ?? 0) + 1);
  }

  async function once(
    method: string,
    path: string,
    body: unknown,
    headers: Record<string, string>,
    route: string,
  ): Promise<{ status: number; body: unknown; retryAfterMs: number | null }> {
    const base = deps.pickInstance();
    if (!base) return { status: 0, body: null, retryAfterMs: null };
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${await bearer()}`,
          accept: "application/json",
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch {
      count("0 network");
      return { status: 0, body: null, retryAfterMs: null };
    }
    const text = await res.text().catch(() => "");
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = text; // A proxy's HTML page: the status still says enough.
    }
    const code = errorCode(parsed);
    count(code ? `${res.status} ${code}` : String(res.status));
    if (res.status >= 500)
      deps.log.serverErrors.push({ at: Date.now(), method, route, status: res.status, code });
    const after = Number(res.headers.get("retry-after"));
    return {
      status: res.status,
      body: parsed,
      retryAfterMs: Number.isFinite(after) && after > 0 ? after * 1000 : null,
    };
  }

  return {
    async call(method, path, options = {}) {
      const route = options.route ?? path;
      for (let attempt = 1; ; attempt++) {
        const answer = await once(method, path, options.body, options.headers ?? {}, route);
        const again = answer.status === 0 || retryable(answer.status, answer.body);
        if (!again) return { status: answer.status, body: answer.body, gaveUp: false };
        const pause =
          answer.retryAfterMs ?? Math.min(MAX_PAUSE_MS, 250 * 2 ** Math.min(attempt, 5));
        if (Date.now() + pause > deps.giveUpAt())
          return { status: answer.status, body: answer.body, gaveUp: true };
        deps.log.retries++;
        await sleep(Math.min(pause, 10_000));
      }
    },
  };
}
