// The one catalogue of what can go wrong on a call to the booking service, for the pane and the
// launch events alike. The words for each code are the pane's (src/taskpane/i18n); the launch
// events only need to know that a call failed.
import type { ErrorCode } from "../contract/errors";

/**
 * The service's own codes, plus what the client finds out itself:
 * - `offline`: this device has no network (navigator.onLine false when the call failed): the
 *   user's connection, not the service;
 * - `unreachable`: the device is online but the service did not answer (refused, reset, timed
 *   out) or a gateway answered for it (502/503/504 without the service's own error body);
 * - `bad_response`: an answer that is not what the contract says;
 * - `sign_in`: no token could be had.
 * `service_unavailable` (the service's store is down for a moment, 503 with Retry-After) comes
 * from the service's body, or from a gateway's 503 that carries Retry-After.
 */
export type ServiceErrorCode = ErrorCode | "offline" | "unreachable" | "bad_response" | "sign_in";

/** Every failure of a call to the booking service. Show the catalogue text for `code`, never `message`. */
export class ServiceError extends Error {
  /**
   * @param status HTTP status, 0 when no answer arrived.
   * @param retryable True when the same request may succeed later.
   */
  constructor(
    readonly code: ServiceErrorCode,
    readonly status: number,
    message: string,
    readonly retryable = false,
  ) {
    super(message);
    this.name = "ServiceError";
  }
}

export function isServiceError(value: unknown): value is ServiceError {
  return value instanceof ServiceError;
}

/** Statuses after which the same request may succeed. */
export const RETRY_STATUS: ReadonlySet<number> = new Set([429, 502, 503, 504]);

/**
 * What a status means when the body is not the service's error shape. The service answers every
 * error with that shape, its provider failures included, so a bare 502/503/504 came from a proxy
 * or gateway in front of it: the service itself is not answering.
 */
export function codeForStatus(status: number, retryAfter: boolean): ServiceErrorCode {
  if (status === 400) return "validation_failed";
  if (status === 401) return "unauthorized";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 409) return "conflict";
  if (status === 422) return "policy_violation";
  if (status === 429) return "rate_limited";
  if (status === 503 && retryAfter) return "service_unavailable";
  if (status === 502 || status === 503 || status === 504) return "unreachable";
  return "internal";
}
