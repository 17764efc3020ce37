import { z } from "zod";

/**
 * How hard one logical call to an external API tries. The defaults keep one booking-pane action
 * under 15 s: every operation (token + API calls) shares one 12 s deadline.
 */
export const HttpPolicy = z.object({
  /** Longest wait for one attempt (connect, headers and body). */
  attemptTimeoutMs: z.number().int().min(10).max(60_000).default(5_000),
  /** Longest time for a whole operation, retries and waits included. */
  deadlineMs: z.number().int().min(10).max(120_000).default(12_000),
  /** Attempts per request, the first one included. */
  maxAttempts: z.number().int().min(1).max(10).default(4),
  /** First backoff step; doubles per retry (with jitter) up to `maxDelayMs`. */
  baseDelayMs: z.number().int().min(0).max(10_000).default(200),
  maxDelayMs: z.number().int().min(0).max(60_000).default(2_000),
});
export type HttpPolicy = z.infer<typeof HttpPolicy>;
export type HttpPolicyInput = z.input<typeof HttpPolicy>;
