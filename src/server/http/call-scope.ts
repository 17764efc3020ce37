// What the caller of a provider operation needs to know about the HTTP requests made inside it,
// and how they should behave, without threading options through every provider method:
// - `reached`: set once any attempt may have reached the provider (any answer but a 429, a
//   timeout, a dropped connection). A create that never reached it made nothing, so its
//   compensation has nothing to look up.
// - `noThrottleRetry`: the background jobs' calls give up at the first 429 instead of retrying
//   it, so the jobs yield the provider's budget to the bookings at once.
import { AsyncLocalStorage } from "node:async_hooks";

export interface CallScope {
  reached: boolean;
  noThrottleRetry: boolean;
}

const scopes = new AsyncLocalStorage<CallScope>();

/** A scope for one provider operation: nothing reached yet. */
export function newCallScope(options: { noThrottleRetry?: boolean } = {}): CallScope {
  return { reached: false, noThrottleRetry: options.noThrottleRetry ?? false };
}

/** Runs `fn` with `scope` seen by every HTTP request it makes (the caller reads it after). */
export function runInCallScope<T>(scope: CallScope, fn: () => Promise<T>): Promise<T> {
  return scopes.run(scope, fn);
}

export function currentCallScope(): CallScope | undefined {
  return scopes.getStore();
}
