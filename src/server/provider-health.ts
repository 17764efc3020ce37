// Provider reachability for /readyz, checked by this instance in the background every N seconds
// and read from the last result. /readyz is anonymous: if it called Pexip or Graph itself, anyone
// able to reach it could spend the region's provider API rate limit and stop real bookings.
import type { Providers } from "./providers/registry";

export type CheckOutcome = "ok" | "failed";

/** What /readyz reports for one provider: the last outcome, or why there is none worth trusting. */
export type ProviderReadiness = CheckOutcome | "pending" | "stale";

export interface ProviderHealth {
  /** Starts the loop: one check now (awaited, so readiness is known at start-up), then every N s. */
  start(): Promise<void>;
  /** Stops the loop and waits for a check in flight (the providers may be closed next). */
  stop(): Promise<void>;
  /** The last outcome per provider; "stale" when no check finished for three intervals. */
  snapshot(): Record<string, ProviderReadiness>;
}

export interface ProviderHealthOptions {
  providers: Providers;
  intervalMs: number;
  /** How long one provider check may take before it counts as failed. */
  timeoutMs?: number;
  now?: () => number;
}

/** `work` within `timeoutMs`, as an outcome; never throws. */
export async function checkWithin(
  work: () => Promise<unknown>,
  timeoutMs: number,
): Promise<CheckOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timeout")), timeoutMs);
  });
  try {
    await Promise.race([work(), timeout]);
    return "ok";
  } catch {
    return "failed";
  } finally {
    clearTimeout(timer);
  }
}

export function createProviderHealth(options: ProviderHealthOptions): ProviderHealth {
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 3_000;
  const last = new Map<string, { outcome: CheckOutcome; at: number }>();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;

  const checkAll = async (): Promise<void> => {
    await Promise.all(
      Object.entries(options.providers).map(async ([service, provider]) => {
        if (!provider) return;
        const outcome = await checkWithin(() => provider.ping(), timeoutMs);
        last.set(service, { outcome, at: now() });
      }),
    );
  };
  // One check at a time: a slow provider must not pile up checks behind it.
  const tick = (): Promise<void> => {
    running ??= checkAll().finally(() => (running = null));
    return running;
  };

  return {
    async start() {
      if (timer) return;
      timer = setInterval(() => void tick(), options.intervalMs);
      timer.unref();
      await tick();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
    snapshot() {
      const out: Record<string, ProviderReadiness> = {};
      for (const service of Object.keys(options.providers)) {
        const seen = last.get(service);
        out[service] =
          seen === undefined
            ? "pending"
            : now() - seen.at > 3 * options.intervalMs + timeoutMs
              ? "stale"
              : seen.outcome;
      }
      return out;
    },
  };
}
