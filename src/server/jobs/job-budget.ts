// The background jobs' share of the providers' API budget. Pexip's Management Node takes about
// 1 000 requests a minute; the bookings must never meet a 429 because a job ran, so cleanup and
// reconcile together make at most JOB_API_BUDGET_PER_MINUTE calls a minute across every instance:
// each call first counts itself in the store's row for the current UTC minute (a conditional
// increment, so two instances cannot both take the last one), and calls are spread evenly over
// the minute instead of in a burst at its start. A 429 on a job's call is not retried: the pass
// ends and every instance's jobs pause for the provider's Retry-After (JobThrottled).
import { setTimeout as sleep } from "node:timers/promises";
import type { Kysely } from "kysely";
import type { Providers } from "../providers/registry";
import type { Database } from "../db/tables";
import type { VideoProvider } from "../providers/video-provider";
import { ProviderError } from "../errors";
import { newCallScope, runInCallScope } from "../http";

/**
 * A provider answered a job's call with 429: the pass ends here (leases let go, nothing counted
 * as a failed repair) and the jobs leave the provider alone until its Retry-After has passed.
 */
export class JobThrottled extends Error {
  override readonly name = "JobThrottled";
  constructor(readonly waitMs: number) {
    super(`a provider asked the jobs to wait ${Math.ceil(waitMs / 1000)} s`);
  }
}

/** The longest pause a Retry-After can impose on the jobs (a bad header must not stop them). */
const MAX_YIELD_MS = 10 * 60_000;

export interface JobBudget {
  /**
   * Waits until one more provider call fits into the budget, then counts it. Throws JobThrottled
   * while a provider's Retry-After runs.
   */
  take(): Promise<void>;
  /**
   * A provider said 429: every instance's jobs stop calling for `retryAfterMs` (the rest of the
   * minute when it gave none), so the bookings get the provider's whole capacity back.
   */
  yieldFor(retryAfterMs: number): Promise<JobThrottled>;
  /** Calls this process counted (the benchmark reports it). */
  readonly taken: number;
}

export interface JobBudgetOptions {
  perMinute: number;
  clock?: () => Date;
  /** Waits `ms` (tests advance their clock instead of waiting). */
  wait?: (ms: number) => Promise<void>;
  /** Told of every call counted (a metric). */
  onTake?: () => void;
}

const minuteOf = (date: Date) => date.toISOString().slice(0, 16);

export function createJobBudget(db: Kysely<Database>, options: JobBudgetOptions): JobBudget {
  const clock = options.clock ?? (() => new Date());
  const wait = options.wait ?? ((ms: number) => sleep(ms));
  const spacingMs = 60_000 / options.perMinute;
  let nextAt = 0;
  let taken = 0;
  let lastMinute = "";

  async function countOne(minute: string): Promise<boolean> {
    if (minute !== lastMinute) {
      lastMinute = minute;
      await db
        .insertInto("job_budget")
        .values({ minute, used: 0 })
        .onConflict((oc) => oc.column("minute").doNothing())
        .execute();
      // Old minutes are of no use; an hour's rows are kept for whoever looks.
      const hourAgo = minuteOf(new Date(clock().getTime() - 3_600_000));
      await db.deleteFrom("job_budget").where("minute", "<", hourAgo).execute();
    }
    const result = await db
      .updateTable("job_budget")
      .set((eb) => ({ used: eb("used", "+", 1) }))
      .where("minute", "=", minute)
      .where("used", "<", options.perMinute)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  let pausedUntil = 0;

  /** Marks the minutes of the pause as spent, so other instances' jobs wait them out too. */
  async function spendMinutes(from: number, until: number): Promise<void> {
    for (let at = from - (from % 60_000); at < until; at += 60_000) {
      const minute = minuteOf(new Date(at));
      await db
        .insertInto("job_budget")
        .values({ minute, used: options.perMinute })
        .onConflict((oc) => oc.column("minute").doUpdateSet({ used: options.perMinute }))
        .execute();
    }
  }

  return {
    get taken() {
      return taken;
    },
    async yieldFor(retryAfterMs) {
      const now = clock().getTime();
      const waitMs = Math.min(
        retryAfterMs > 0 ? retryAfterMs : 60_000 - (now % 60_000),
        MAX_YIELD_MS,
      );
      pausedUntil = Math.max(pausedUntil, now + waitMs);
      await spendMinutes(now, now + waitMs);
      return new JobThrottled(waitMs);
    },
    async take() {
      for (;;) {
        const now = clock().getTime();
        if (now < pausedUntil) throw new JobThrottled(pausedUntil - now);
        if (now < nextAt) {
          await wait(nextAt - now);
          continue;
        }
        if (await countOne(minuteOf(new Date(now)))) {
          nextAt = now + spacingMs;
          taken += 1;
          options.onTake?.();
          return;
        }
        // Spent for this minute (by any instance): wait for the next one.
        await wait(60_000 - (now % 60_000) + 1);
      }
    },
  };
}

/** The providers as the jobs call them: each call (and each page of a listing) waits its turn. */
export function budgetedProviders(providers: Providers, budget: JobBudget): Providers {
  const out: Providers = {};
  for (const [service, provider] of Object.entries(providers) as [
    keyof Providers,
    VideoProvider,
  ][]) {
    const wrapped: VideoProvider = Object.create(provider);
    // A 429 ends the call at once (no retries in line with the bookings) and the pass with it.
    const yieldOn429 = async (err: unknown): Promise<unknown> =>
      err instanceof ProviderError && err.status === 429
        ? budget.yieldFor(err.retryAfterMs ?? 0)
        : err;
    // A function declaration: a one-parameter generic arrow reads as JSX to the bundle's loader.
    function scoped<R>(fn: () => Promise<R>): Promise<R> {
      return runInCallScope(newCallScope({ noThrottleRetry: true }), fn).catch(
        async (err: unknown) => {
          throw await yieldOn429(err);
        },
      );
    }
    const gate =
      <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
      async (...args: A): Promise<R> => {
        await budget.take();
        return scoped(() => fn(...args));
      };
    Object.defineProperties(wrapped, {
      createMeeting: { value: gate(provider.createMeeting.bind(provider)) },
      updateMeeting: { value: gate(provider.updateMeeting.bind(provider)) },
      deleteMeeting: { value: gate(provider.deleteMeeting.bind(provider)) },
      getMeeting: { value: gate(provider.getMeeting.bind(provider)) },
      findByBookingId: { value: gate(provider.findByBookingId.bind(provider)) },
      listOurs: {
        value: () => scoped(() => provider.listOurs({ beforeRequest: () => budget.take() })),
      },
    });
    out[service] = wrapped;
  }
  return out;
}
