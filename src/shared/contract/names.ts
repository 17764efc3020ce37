// Names both ends agree on, kept free of zod so the launch-event bundle (40 KB budget) can use
// them without pulling in the schema library.

/** The meeting types a region can offer; `MeetingTypeId` is the schema. */
export const MEETING_TYPE_IDS = ["care", "information", "internal"] as const;

/** Every error code the API answers with; `ErrorCode` is the schema. */
export const ERROR_CODES = [
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
] as const;

/** Path prefix of the booking API. */
export const API_PREFIX = "/api/v1";

/** A repeat of `POST /meetings` with the same key returns the same booking. */
export const IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
/** Carries the booking's manageKey on every call that changes or reveals host data. */
export const MANAGE_KEY_HEADER = "X-Manage-Key";

/**
 * Join links are followed by patients' browsers: https only. The one exception is plain http to a
 * loopback host, where the embedded default's emulators answer; no real Conferencing Node is there.
 */
export function isJoinUrl(value: string): boolean {
  const match = /^(https?):\/\/(\[[^\]]*\]|[^/:?#]*)/i.exec(value);
  if (!match) return false;
  const scheme = (match[1] ?? "").toLowerCase();
  const host = (match[2] ?? "").toLowerCase();
  return scheme === "https" || ["127.0.0.1", "localhost", "[::1]"].includes(host);
}
