// The service's error body, in zod/mini. A module of its own: a schema is built when its module
// loads, and the launch events, which read no error codes, must not carry it (nor the codes).
import * as z from "zod/mini";
import { ERROR_CODES } from "../contract/names";

/** `ApiError`: `{ "error": { code, message, retryable? } }`. */
export const ErrorAnswer = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    /** Null when the body does not say (then the status decides). */
    retryable: z._default(z.nullable(z.boolean()), null),
  }),
});
