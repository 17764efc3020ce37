// One exchange with the booking service: send, and read the whole answer within a timeout that
// aborts the request; every failure a ServiceError from the one catalogue (errors.ts). The launch
// events call this directly (one attempt, within an event's few seconds); the pane through
// `request` (token renewal, retries).
import { safeParse } from "zod/mini";
import type * as z from "zod/mini";
import { RETRY_STATUS, ServiceError, type ServiceErrorCode, codeForStatus } from "./errors";

/** What the client reads of a fetch Response (the DOM's fits as it is). */
export interface FetchResponse {
  readonly ok: boolean;
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  json(): Promise<unknown>;
}

export interface FetchInit {
  method: string;
  headers: Record<string, string>;
  body?: string;
  /** An AbortSignal where the runtime has one. */
  signal?: unknown;
}

/** `fetch` as the client calls it; each caller adapts its runtime's. */
export type FetchLike = (url: string, init: FetchInit) => Promise<FetchResponse>;

/** The service's error body as far as a caller reads it (`ErrorAnswer` in answers.ts). */
export type ErrorBody = {
  error: { code: ServiceErrorCode; message: string; retryable: boolean | null };
};

export interface ExchangeOptions {
  fetch: FetchLike;
  /** From sending to the whole answer read; the request is aborted when it runs out. */
  timeoutMs: number;
  /** False when the device knows it is offline; default: navigator.onLine where there is one. */
  online?: () => boolean;
  /**
   * The service's error body, to read its code; without it the status decides (the launch events
   * never show a service error, so they do without the list of codes).
   */
  errorBody?: z.core.$ZodType<ErrorBody>;
}

export interface Exchange<T> {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Null for answers without a body (204). */
  schema: z.core.$ZodType<T> | null;
}

interface Platform {
  setTimeout(handler: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
  AbortController?: new () => { readonly signal: unknown; abort(): void };
  navigator?: { onLine?: boolean };
}

// Read off globalThis: the shared core compiles without DOM or Node types, and classic Outlook's
// JavaScript-only runtime may lack AbortController (then the race below still ends the call).
const platform = globalThis as unknown as Platform;

/** False only when the device says it has no network (a browser's navigator.onLine). */
export function deviceOnline(): boolean {
  return platform.navigator?.onLine !== false;
}

/** No answer at all: the device's network when it says it is offline, otherwise the service. */
export function noAnswer(options: Pick<ExchangeOptions, "online">, error: unknown): ServiceError {
  const online = (options.online ?? deviceOnline)();
  return new ServiceError(online ? "unreachable" : "offline", 0, String(error), true);
}

async function readError(options: ExchangeOptions, response: FetchResponse): Promise<ServiceError> {
  const retryable = RETRY_STATUS.has(response.status);
  // Proxies answer with HTML: then the status (and Retry-After) still say enough.
  const body: unknown = await response.json().catch(() => null);
  const parsed = options.errorBody && safeParse(options.errorBody, body);
  if (parsed && parsed.success) {
    const { code, message, retryable: said } = parsed.data.error;
    return new ServiceError(code, response.status, message, said ?? retryable);
  }
  const code = codeForStatus(response.status, response.headers.get("retry-after") !== null);
  return new ServiceError(code, response.status, `HTTP ${response.status}`, retryable);
}

/**
 * Sends once and reads the whole answer; resolves with it parsed, rejects with a ServiceError.
 * The timer aborts the request where the runtime has AbortController, and the race ends the call
 * where it has not.
 */
export async function exchange<T>(options: ExchangeOptions, call: Exchange<T>): Promise<T> {
  const controller = platform.AbortController ? new platform.AbortController() : null;
  let timer: unknown;
  const headers: Record<string, string> = { accept: "application/json", ...call.headers };
  if (call.body !== undefined) headers["content-type"] = "application/json";
  const work = async (): Promise<T> => {
    const response = await options.fetch(call.url, {
      method: call.method,
      headers,
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      signal: controller?.signal,
    });
    if (!response.ok) throw await readError(options, response);
    if (call.schema === null) return undefined as T;
    // Not JSON reads as undefined, which no schema accepts.
    const parsed = safeParse(call.schema, await response.json().catch(() => undefined));
    if (!parsed.success)
      throw new ServiceError("bad_response", response.status, parsed.error.message);
    return parsed.data;
  };
  try {
    return await Promise.race([
      work(),
      new Promise<never>((_, reject) => {
        timer = platform.setTimeout(() => {
          controller?.abort();
          reject(new Error("timeout"));
        }, options.timeoutMs);
      }),
    ]);
  } catch (error) {
    throw error instanceof ServiceError ? error : noAnswer(options, error);
  } finally {
    platform.clearTimeout(timer);
  }
}
