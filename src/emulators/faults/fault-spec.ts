import { z } from "zod";

/**
 * A fault as `POST /_emulator/faults` takes it (issue 4). `route` is "*" or
 * "<METHOD> <path prefix>" (METHOD may be "*"). Without `count` or `rate` the fault hits every
 * matching call until reset. `seed` (ours) makes `rate` reproducible; `when: "after"` (ours)
 * lets the emulator do the work first and then lose the answer, which is what idempotency
 * tests need ("did my create happen?").
 */
export const faultSpecSchema = z
  .object({
    route: z.string().regex(/^(\*|(\*|[A-Z]+) \/\S*)$/, {
      error: 'route must be "*" or "<METHOD> <path prefix>", e.g. "POST /v1.0/users/"',
    }),
    status: z.number().int().min(100).max(599).optional(),
    retryAfter: z.number().int().min(0).max(86_400).optional(),
    latencyMs: z.number().int().min(0).max(600_000).optional(),
    hang: z.boolean().optional(),
    drop: z.boolean().optional(),
    count: z.number().int().min(1).optional(),
    rate: z.number().min(0).max(1).optional(),
    seed: z.number().int().optional(),
    when: z.enum(["before", "after"]).optional(),
  })
  .strict()
  .refine((f) => f.status !== undefined || f.latencyMs !== undefined || f.hang || f.drop, {
    error: "a fault needs at least one of status, latencyMs, hang, drop",
  })
  .refine(
    (f) => [f.status !== undefined, f.hang === true, f.drop === true].filter(Boolean).length <= 1,
    {
      error: "status, hang and drop exclude each other",
    },
  )
  .refine((f) => f.retryAfter === undefined || f.status !== undefined, {
    error: "retryAfter needs a status",
  });

export type FaultSpec = z.infer<typeof faultSpecSchema>;
export type FaultInput = z.input<typeof faultSpecSchema>;
