// Time is injected so retry tests can check what the client waited for (Retry-After, backoff)
// without waiting for it.

/** Wall-clock milliseconds and a way to wait; the HTTP client never reads time any other way. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
