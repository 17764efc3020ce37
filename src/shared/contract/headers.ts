import { z } from "zod";

/** Path prefix of the booking API. */
export const API_PREFIX = "/api/v1";

/** A repeat of `POST /meetings` with the same key returns the same booking. */
export const IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
/** Carries the booking's manageKey on every call that changes or reveals host data. */
export const MANAGE_KEY_HEADER = "X-Manage-Key";

/** The pane's custom properties on the appointment (never sent to attendees). */
export const CUSTOM_PROPERTY_BOOKING_ID = "bookingId";
export const CUSTOM_PROPERTY_MANAGE_KEY = "manageKey";

/** Clients send a UUID; anything printable and short is accepted so retries from old clients work. */
export const IdempotencyKey = z
  .string()
  .min(8)
  .max(128)
  .regex(/^[A-Za-z0-9._:-]+$/, "letters, digits and . _ : - only");
export type IdempotencyKey = z.infer<typeof IdempotencyKey>;
