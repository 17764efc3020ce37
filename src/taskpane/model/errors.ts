import { isServiceError, type ServiceErrorCode } from "../api/service-error";
import type { MessageKey } from "../i18n";
import { isOfficeError } from "../office/office-error";

/** A failure a flow has already put into words (with what to do). */
export class FlowError extends Error {
  override readonly name = "FlowError";
  readonly key: MessageKey;

  constructor(key: MessageKey, cause?: unknown) {
    super(key, { cause });
    this.key = key;
  }
}

const SERVICE_MESSAGES: Record<ServiceErrorCode, MessageKey> = {
  // No answer: the device offline, or online and the service not answering (or a gateway for it).
  offline: "errOffline",
  unreachable: "errUnreachable",
  sign_in: "errSignIn",
  bad_response: "errBadResponse",
  validation_failed: "errValidation",
  unauthorized: "errUnauthorized",
  forbidden: "errForbidden",
  not_found: "errNotFound",
  conflict: "errConflict",
  idempotency_conflict: "errConflict",
  policy_violation: "errPolicy",
  rate_limited: "errRateLimited",
  quota_exceeded: "errQuota",
  provider_unavailable: "errProviderUnavailable",
  provider_timeout: "errProviderTimeout",
  provider_rejected: "errProviderRejected",
  provider_not_authorized: "errProviderNotAuthorized",
  // The service's database blipped (503 with Retry-After): "try again shortly".
  service_unavailable: "errServiceBusy",
  internal: "errInternal",
};

/** The catalogue text for any failure: plain words, never a stack trace or raw message. */
export function messageFor(error: unknown): MessageKey {
  if (error instanceof FlowError) return error.key;
  if (isServiceError(error)) return SERVICE_MESSAGES[error.code];
  if (isOfficeError(error)) {
    if (error.name === "PlainTextBody") return "errPlainText";
    if (error.name === "DataExceedsMaximumSize") return "errBodyTooLarge";
    return "errOffice";
  }
  return "errInternal";
}

/** Whether the same action may succeed if the user simply tries again. */
export function isRetryable(error: unknown): boolean {
  if (isServiceError(error)) {
    return (
      error.retryable ||
      error.code === "offline" ||
      error.code === "unreachable" ||
      error.code === "unauthorized" ||
      error.code === "conflict"
    );
  }
  return (
    isOfficeError(error) &&
    error.name !== "PlainTextBody" &&
    error.name !== "DataExceedsMaximumSize"
  );
}
