import type { Clock } from "./clock";

export interface AccessToken {
  value: string;
  /** Lifetime the token endpoint announced. */
  expiresInSeconds: number;
}

export interface TokenCache {
  /** A token valid for a while yet; concurrent callers share one token request. */
  get(deadline: number): Promise<string>;
  invalidate(): void;
}

/**
 * Caches an app token until shortly before it expires: two minutes, or a quarter of its life
 * when it is short, so a request never starts with a token about to lapse.
 */
export function createTokenCache(
  fetchToken: (deadline: number) => Promise<AccessToken>,
  clock: Clock,
): TokenCache {
  let cached: { value: string; refreshAt: number } | undefined;
  let pending: Promise<string> | undefined;

  return {
    get(deadline) {
      if (cached && clock.now() < cached.refreshAt) return Promise.resolve(cached.value);
      pending ??= fetchToken(deadline)
        .then((token) => {
          const lifeMs = token.expiresInSeconds * 1000;
          const margin = Math.min(120_000, lifeMs / 4);
          cached = { value: token.value, refreshAt: clock.now() + lifeMs - margin };
          return token.value;
        })
        .finally(() => {
          pending = undefined;
        });
      return pending;
    },
    invalidate() {
      cached = undefined;
    },
  };
}
