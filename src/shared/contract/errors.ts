import { z } from "zod";

/** Every error the API can answer with; the pane maps each to a Swedish and an English text. */
export const ErrorCode = z.enum([
  "validation_failed",
  "unauthorized",
  "forbidden",
  "not_found",
  "conflict",
  "idempotency_conflict",
  "policy_violation",
  "rate_limited",
  "quota_exceeded",
  "provider_unavailable",
  "provider_timeout",
  "provider_rejected",
  "provider_not_authorized",
  /** The booking service's own store is unreachable for a moment (503 with Retry-After). */
  "service_unavailable",
  "internal",
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** `{ "error": { code, message, retryable? } }`. */
export const ApiError = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    /** True when the same request may succeed later (rate limits, provider outages). */
    retryable: z.boolean().optional(),
  }),
});
export type ApiError = z.infer<typeof ApiError>;
