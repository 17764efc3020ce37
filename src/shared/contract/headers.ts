import { z } from "zod";

export {
  API_PREFIX,
  IDEMPOTENCY_KEY_HEADER,
  MANAGE_KEY_HEADER,
  CUSTOM_PROPERTY_BOOKING_ID,
  CUSTOM_PROPERTY_MANAGE_KEY,
  CUSTOM_PROPERTY_SNAPSHOT,
} from "./names";

/** Clients send a UUID; anything printable and short is accepted so retries from old clients work. */
export const IdempotencyKey = z
  .string()
  .min(8)
  .max(128)
  .regex(/^[A-Za-z0-9._:-]+$/, "letters, digits and . _ : - only");
export type IdempotencyKey = z.infer<typeof IdempotencyKey>;
