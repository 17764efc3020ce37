/** A token held in memory only (never storage), renewed a minute before it expires. */
export interface CachedToken {
  value: string;
  expiresAt: number;
}

const EARLY_RENEWAL_MS = 60_000;

export function isFresh(token: CachedToken | null, now: number): token is CachedToken {
  return token !== null && token.expiresAt - EARLY_RENEWAL_MS > now;
}

/**
 * Wraps a token fetcher: one fetch at a time (parallel calls share it), cached until shortly
 * before expiry, bypassed when the caller says the last token was refused.
 */
export function memoize(
  fetchToken: () => Promise<CachedToken>,
  now: () => number = Date.now,
): (refresh: boolean) => Promise<string> {
  let cached: CachedToken | null = null;
  let pending: Promise<CachedToken> | null = null;
  return async (refresh) => {
    if (!refresh && isFresh(cached, now())) return cached.value;
    pending ??= fetchToken().finally(() => {
      pending = null;
    });
    cached = await pending;
    return cached.value;
  };
}
