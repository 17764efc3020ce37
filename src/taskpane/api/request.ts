import type { z } from "zod";
import { ApiError } from "../../shared/contract";
import { ServiceError, codeForStatus } from "./service-error";

/** Where the token comes from; `refresh` asks for a new one after a 401. */
export type GetToken = (refresh: boolean) => Promise<string>;

export interface RequestOptions {
  baseUrl: string;
  getToken: GetToken;
  fetch: typeof fetch;
  /** Attempts per call for answers that may succeed later (network, 429, 502–504). */
  attempts: number;
  /** Wait before retry `n` (1-based); tests pass zero. */
  backoffMs: (attempt: number) => number;
  timeoutMs: number;
}

export interface Call<T> {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Null for 204 answers. */
  schema: z.ZodType<T> | null;
  /** Only calls the service can safely see twice are retried (GET, DELETE, keyed POSTs). */
  retry: boolean;
}

const RETRY_STATUS = new Set([429, 502, 503, 504]);

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function readError(response: Response): Promise<ServiceError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Proxies answer with HTML; the status still says enough.
  }
  const parsed = ApiError.safeParse(body);
  if (parsed.success) {
    const { code, message, retryable } = parsed.data.error;
    return new ServiceError(
      code,
      response.status,
      message,
      retryable ?? RETRY_STATUS.has(response.status),
    );
  }
  return new ServiceError(
    codeForStatus(response.status),
    response.status,
    `HTTP ${response.status}`,
    RETRY_STATUS.has(response.status),
  );
}

async function readBody<T>(response: Response, schema: z.ZodType<T> | null): Promise<T> {
  if (schema === null) return undefined as T;
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new ServiceError("bad_response", response.status, "the answer is not JSON");
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ServiceError(
      "bad_response",
      response.status,
      `unexpected answer: ${parsed.error.message}`,
    );
  }
  return parsed.data;
}

/**
 * Opens a long-lived text/event-stream with the same base URL, token and headers as `request`:
 * no timeout (it lasts while the pane watches) and no retry here (the caller's loop reconnects);
 * `signal` ends it.
 */
export async function openStream(
  options: Pick<RequestOptions, "baseUrl" | "getToken" | "fetch">,
  path: string,
  headers: Record<string, string>,
  signal: AbortSignal,
  refresh: boolean,
): Promise<Response> {
  const token = await options.getToken(refresh);
  return options.fetch(`${options.baseUrl}${path}`, {
    headers: { accept: "text/event-stream", authorization: `Bearer ${token}`, ...headers },
    signal,
    cache: "no-store",
  });
}

async function send(
  options: RequestOptions,
  call: Call<unknown>,
  token: string,
): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    return await options.fetch(`${options.baseUrl}${call.path}`, {
      method: call.method,
      headers: {
        accept: "application/json",
        authorization: `Bearer ${token}`,
        ...(call.body === undefined ? {} : { "content-type": "application/json" }),
        ...call.headers,
      },
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      signal: controller.signal,
    });
  } catch (error) {
    throw new ServiceError(
      "network",
      0,
      error instanceof Error ? error.message : String(error),
      true,
    );
  } finally {
    clearTimeout(timer);
  }
}

/**
 * One call to the booking service: bearer token (renewed once after a 401), retries with backoff
 * where safe, every answer parsed with the contract's schema, every failure a ServiceError.
 */
export async function request<T>(options: RequestOptions, call: Call<T>): Promise<T> {
  let refreshNext = false;
  let refreshedOnce = false;
  let attempt = 0;
  for (;;) {
    attempt += 1;
    let token: string;
    try {
      token = await options.getToken(refreshNext);
    } catch (error) {
      throw new ServiceError("sign_in", 0, error instanceof Error ? error.message : String(error));
    }
    refreshNext = false;
    let failure: ServiceError;
    try {
      const response = await send(options, call, token);
      if (response.ok) return await readBody(response, call.schema);
      failure = await readError(response);
      if (response.status === 401 && !refreshedOnce) {
        refreshedOnce = true;
        refreshNext = true;
        attempt -= 1;
        continue;
      }
    } catch (error) {
      if (!(error instanceof ServiceError) || error.code !== "network") throw error;
      failure = error;
    }
    if (!call.retry || !failure.retryable || attempt >= options.attempts) throw failure;
    await sleep(options.backoffMs(attempt));
  }
}
