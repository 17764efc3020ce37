// A call to the booking service as the pane makes it: `exchange` plus a bearer token (renewed once
// after a 401), retries with backoff where the caller says it is safe, and the service's error
// codes read from its body.
import { ErrorAnswer } from "./error-answer";
import { ServiceError } from "./errors";
import { type Exchange, type ExchangeOptions, deviceOnline, exchange, noAnswer } from "./exchange";

/** Where the token comes from; `refresh` asks for a new one after a 401. */
export type GetToken = (refresh: boolean) => Promise<string>;

export interface ClientOptions extends Omit<ExchangeOptions, "errorBody"> {
  /** Prefixed to every relative path, e.g. "/api/v1" or "https://vardmote.region.se/api/v1". */
  baseUrl: string;
  /** Absent: calls go without a token (the client config, the emulator's token endpoint). */
  getToken?: GetToken;
  /** Attempts per call for failures that may pass (no answer, 429, 502–504). */
  attempts: number;
  /** Wait before retry `n` (1-based); tests pass zero. */
  backoffMs: (attempt: number) => number;
}

export interface Call<T> extends Omit<Exchange<T>, "url"> {
  /** Relative to `baseUrl`, or an absolute http(s) URL. */
  path: string;
  /** Only calls the service can safely see twice are retried (GET, DELETE, keyed POSTs). */
  retry: boolean;
}

/**
 * A token that could not be had: the network's or the service's fault when that is what stopped
 * it (the emulator's token call, MSAL offline), otherwise a sign-in problem.
 */
function tokenFailure(options: ClientOptions, error: unknown): ServiceError {
  if (error instanceof ServiceError && (error.code === "offline" || error.code === "unreachable"))
    return error;
  if (!(options.online ?? deviceOnline)()) return noAnswer(options, error);
  return new ServiceError("sign_in", 0, error instanceof Error ? error.message : String(error));
}

function sleep(ms: number): Promise<void> {
  const timers = globalThis as unknown as { setTimeout(handler: () => void, ms: number): unknown };
  return new Promise((resolve) => void timers.setTimeout(resolve, ms));
}

export async function request<T>(options: ClientOptions, call: Call<T>): Promise<T> {
  const url = /^https?:\/\//i.test(call.path)
    ? call.path
    : `${options.baseUrl.replace(/\/+$/, "")}${call.path}`;
  let refreshNext = false;
  let refreshedOnce = false;
  let attempt = 0;
  for (;;) {
    attempt += 1;
    const headers = { ...call.headers };
    if (options.getToken) {
      try {
        headers.authorization = `Bearer ${await options.getToken(refreshNext)}`;
      } catch (error) {
        throw tokenFailure(options, error);
      }
    }
    refreshNext = false;
    try {
      return await exchange({ ...options, errorBody: ErrorAnswer }, { ...call, url, headers });
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      if (error.status === 401 && options.getToken && !refreshedOnce) {
        refreshedOnce = true;
        refreshNext = true;
        attempt -= 1;
        continue;
      }
      if (!call.retry || !error.retryable || attempt >= options.attempts) throw error;
    }
    await sleep(options.backoffMs(attempt));
  }
}
