import type { ErrorCode } from "../../shared/contract";

/** The service's own codes, plus what can go wrong before an answer is read. */
export type ServiceErrorCode = ErrorCode | "network" | "bad_response" | "sign_in";

/**
 * Every failure of a call to the booking service. The pane shows the catalogue text for `code`
 * (never `message`, which is for logs and tests).
 */
export class ServiceError extends Error {
  override readonly name = "ServiceError";
  readonly code: ServiceErrorCode;
  /** HTTP status, 0 when no answer arrived. */
  readonly status: number;
  /** True when the same request may succeed later. */
  readonly retryable: boolean;

  constructor(code: ServiceErrorCode, status: number, message: string, retryable = false) {
    super(message);
    this.code = code;
    this.status = status;
    this.retryable = retryable;
  }
}

export function isServiceError(value: unknown): value is ServiceError {
  return value instanceof ServiceError;
}

/** What a status means when the answer's body is not the contract's error shape. */
export function codeForStatus(status: number): ErrorCode {
  if (status === 400) return "validation_failed";
  if (status === 401) return "unauthorized";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 409) return "conflict";
  if (status === 422) return "policy_violation";
  if (status === 429) return "rate_limited";
  if (status === 502 || status === 503) return "provider_unavailable";
  if (status === 504) return "provider_timeout";
  return "internal";
}
