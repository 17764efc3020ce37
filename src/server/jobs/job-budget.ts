// The background jobs' share of the providers' API budget. Pexip's Management Node takes about
// 1 000 requests a minute; the bookings must never meet a 429 because a job ran, so cleanup and
// reconcile together make at most JOB_API_BUDGET_PER_MINUTE calls a minute across every instance:
// each call first counts itself in the store's row for the current UTC minute (a conditional
// increment, so two instances cannot both take the last one), and calls are spread evenly over
// the minute instead of in a burst at its start.
import { setTimeout as sleep } from "node:timers/promises";
import type { Kysely } from "kysely";
import type { Providers } from "../providers/registry";
import type { Database } from "../db/tables";
import type { VideoProvider } from "../providers/video-provider";

export interface JobBudget {
  /** Waits until one more provider call fits into the budget, then counts it. */
  take(): Promise<void>;
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

  return {
    get taken() {
      return taken;
    },
    async take() {
      for (;;) {
        const now = clock().getTime();
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
    const gate =
      <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
      async (...args: A): Promise<R> => {
        await budget.take();
        return fn(...args);
      };
    Object.defineProperties(wrapped, {
      createMeeting: { value: gate(provider.createMeeting.bind(provider)) },
      updateMeeting: { value: gate(provider.updateMeeting.bind(provider)) },
      deleteMeeting: { value: gate(provider.deleteMeeting.bind(provider)) },
      getMeeting: { value: gate(provider.getMeeting.bind(provider)) },
      findByBookingId: { value: gate(provider.findByBookingId.bind(provider)) },
      listOurs: {
        value: () => provider.listOurs({ beforeRequest: () => budget.take() }),
      },
    });
    out[service] = wrapped;
  }
  return out;
}
