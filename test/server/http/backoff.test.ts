import { describe, expect, it } from "vitest";
import {
  backoffDelay,
  createTokenCache,
  parseRetryAfter,
  type AccessToken,
} from "../../../src/server/http";
import { recordingClock } from "./test-server";

describe("parseRetryAfter", () => {
  const now = Date.parse("2025-03-04T10:00:00Z");
  it("reads delta-seconds", () => {
    expect(parseRetryAfter("3", now)).toBe(3000);
    expect(parseRetryAfter(" 0 ", now)).toBe(0);
  });
  it("reads an HTTP date relative to now, never negative", () => {
    expect(parseRetryAfter("Tue, 04 Mar 2025 10:00:05 GMT", now)).toBe(5000);
    expect(parseRetryAfter("Tue, 04 Mar 2025 09:59:00 GMT", now)).toBe(0);
  });
  it("ignores what it cannot read", () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter("-5", now)).toBeUndefined();
  });
});

describe("backoffDelay", () => {
  const policy = { baseDelayMs: 100, maxDelayMs: 1000 };
  it("doubles per retry, with jitter between half and the whole step", () => {
    expect([1, 2, 3].map((n) => backoffDelay(n, policy, () => 0))).toEqual([50, 100, 200]);
    expect([1, 2, 3].map((n) => backoffDelay(n, policy, () => 0.999999))).toEqual([100, 200, 400]);
  });
  it("stops growing at maxDelayMs", () => {
    expect(backoffDelay(10, policy, () => 0.999999)).toBe(1000);
  });
});

describe("token cache", () => {
  function counting(expiresInSeconds = 3600) {
    const calls: number[] = [];
    const fetchToken = (deadline: number): Promise<AccessToken> => {
      calls.push(deadline);
      return Promise.resolve({ value: `token-${calls.length}`, expiresInSeconds });
    };
    return { calls, fetchToken };
  }

  it("fetches once for many concurrent callers and reuses the token", async () => {
    const clock = recordingClock();
    const { calls, fetchToken } = counting();
    const cache = createTokenCache(fetchToken, clock);
    const tokens = await Promise.all(Array.from({ length: 20 }, () => cache.get(0)));
    expect(new Set(tokens)).toEqual(new Set(["token-1"]));
    expect(await cache.get(0)).toBe("token-1");
    expect(calls).toHaveLength(1);
  });

  it("refreshes shortly before expiry and after invalidate", async () => {
    const clock = recordingClock();
    const { calls, fetchToken } = counting(3600);
    const cache = createTokenCache(fetchToken, clock);
    await cache.get(0);
    await clock.sleep(3_400_000); // 56 min 40 s: more than two minutes left
    expect(await cache.get(0)).toBe("token-1");
    await clock.sleep(100_000); // under two minutes left
    expect(await cache.get(0)).toBe("token-2");
    cache.invalidate();
    expect(await cache.get(0)).toBe("token-3");
    expect(calls).toHaveLength(3);
  });

  it("does not cache a failure", async () => {
    const clock = recordingClock();
    let n = 0;
    const cache = createTokenCache(() => {
      n += 1;
      return n === 1
        ? Promise.reject(new Error("down"))
        : Promise.resolve({ value: "ok", expiresInSeconds: 60 });
    }, clock);
    await expect(cache.get(0)).rejects.toThrow("down");
    expect(await cache.get(0)).toBe("ok");
  });
});
