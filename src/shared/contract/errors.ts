import { z } from "zod";
import { ERROR_CODES } from "./names";

/** Every error the API can answer with; the pane maps each to a Swedish and an English text. */
export const ErrorCode = z.enum(ERROR_CODES);
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
