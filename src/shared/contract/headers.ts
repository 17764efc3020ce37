import { z } from "zod";

export { API_PREFIX, IDEMPOTENCY_KEY_HEADER, MANAGE_KEY_HEADER } from "./names";

/**
 * A client-chosen id must be a random UUID (version 4, or 7 for time-ordered ones): the service
 * keeps it for the replay window, and a free-form key can hold personal data (an identity number
 * typed or pasted as a key would be stored beside the booking).
 */
export const ClientUuid = z
  .string()
  .regex(
    /^[0-9a-f]{8}-[0-9a-f]{4}-[47][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i,
    "must be a UUID version 4 or 7",
  );

/** Idempotency-Key on create: a fresh UUID v4/v7 per user action (the pane's crypto.randomUUID). */
export const IdempotencyKey = ClientUuid;
export type IdempotencyKey = z.infer<typeof IdempotencyKey>;
