// Errors are values with a code: one error handler maps them to responses with a
// Swedish and an English message and never leaks internals.
import type { ErrorCode, LocalizedText, ServiceId } from "../shared";

const STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  idempotency_conflict: 409,
  policy_violation: 422,
  rate_limited: 429,
  quota_exceeded: 429,
  provider_unavailable: 503,
  provider_timeout: 504,
  provider_rejected: 502,
  provider_not_authorized: 502,
  service_unavailable: 503,
  internal: 500,
};

export class AppError extends Error {
  readonly status: number;
  /**
   * A fixed text for the client instead of the code's general one, when the general one would
   * not tell the caller what to fix (a malformed Idempotency-Key, a meeting too far ahead).
   * Written here, never built from input.
   */
  readonly publicMessage: LocalizedText | undefined;
  constructor(
    readonly code: ErrorCode,
    /** Internal detail for logs only; never sent to clients. Must not carry personal data. */
    detail?: string,
    options?: { cause?: unknown; publicMessage?: LocalizedText; status?: number },
  ) {
    super(detail ?? code, options);
    this.name = "AppError";
    this.status = options?.status ?? STATUS[code];
    this.publicMessage = options?.publicMessage;
  }
}

export type ProviderOperation =
  | "create"
  | "update"
  | "delete"
  | "get"
  | "find"
  | "list"
  | "token"
  | "ping"
  // The waiting room: Pexip's status API (who is there) and command API (let someone in).
  | "status"
  | "admit";

/**
 * A failed call to Pexip, Graph or Entra ID. `status` is the provider's HTTP status (absent for
 * network errors and timeouts); `retryable` says whether the same call may succeed later.
 */
export class ProviderError extends Error {
  /** After a 429: how long the provider asked us to wait (Retry-After, ms; 0 when it did not say). */
  retryAfterMs?: number;

  constructor(
    readonly provider: ServiceId | "entra",
    readonly operation: ProviderOperation,
    readonly kind: "unavailable" | "timeout" | "rejected" | "not_authorized",
    readonly status?: number,
    detail?: string,
    options?: { cause?: unknown },
  ) {
    super(
      `${provider} ${operation} ${kind}${status ? ` (${status})` : ""}${detail ? `: ${detail}` : ""}`,
      options,
    );
    this.name = "ProviderError";
  }

  get retryable(): boolean {
    return this.kind === "unavailable" || this.kind === "timeout";
  }

  toCode(): ErrorCode {
    return `provider_${this.kind}` as const;
  }
}
