// Names both ends agree on, kept free of zod so the launch-event bundle (40 KB budget) can use
// them without pulling in the schema library.

/** The meeting types a region can offer; `MeetingTypeId` is the schema. */
export const MEETING_TYPE_IDS = ["care", "information", "internal"] as const;

/** Path prefix of the booking API. */
export const API_PREFIX = "/api/v1";

/** A repeat of `POST /meetings` with the same key returns the same booking. */
export const IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
/** Carries the booking's manageKey on every call that changes or reveals host data. */
export const MANAGE_KEY_HEADER = "X-Manage-Key";

/** The pane's custom properties on the appointment (never sent to attendees). */
export const CUSTOM_PROPERTY_BOOKING_ID = "bookingId";
export const CUSTOM_PROPERTY_MANAGE_KEY = "manageKey";
/** The booking's snapshot for the launch-event handlers (see appointment.ts). */
export const CUSTOM_PROPERTY_SNAPSHOT = "booking";
/**
 * A create the pane has started and not yet written into the appointment (Idempotency-Key, type,
 * window): a pane closed mid-create finishes it when reopened, with the same key, so the service
 * answers with the same room instead of making a second.
 */
export const CUSTOM_PROPERTY_PENDING_CREATE = "pendingCreate";

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
