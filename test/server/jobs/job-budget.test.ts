// The jobs' API budget holds across instances: two budgets on one store together count at most
// `perMinute` calls in a UTC minute, spaced evenly; the clock is the test's own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createJobBudget } from "../../../src/server/jobs/job-budget";
import { openTestStore, STORE_KINDS, type TestStore } from "../support/test-store";

describe.each(STORE_KINDS)("job API budget on %s", (kind) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(kind);
  });
  afterAll(() => store.drop());

  it("two instances share 30 calls a minute, spaced, then wait for the next minute", async () => {
    let now = Date.parse("2026-12-05T17:00:00.000Z");
    const clock = () => new Date(now);
    const waits: number[] = [];
    const wait = async (ms: number) => {
      waits.push(ms);
      now += ms;
    };
    const a = createJobBudget(store.db, { perMinute: 30, clock, wait });
    const b = createJobBudget(store.db, { perMinute: 30, clock, wait });
    const calls: number[] = [];
    for (let i = 0; i < 40; i++) {
      await (i % 2 === 0 ? a : b).take();
      calls.push(now);
    }
    const minute = (ms: number) => new Date(ms).toISOString().slice(0, 16);
    const perMinute = new Map<string, number>();
    for (const at of calls) perMinute.set(minute(at), (perMinute.get(minute(at)) ?? 0) + 1);
    expect(Math.max(...perMinute.values())).toBeLessThanOrEqual(30);
    expect(a.taken + b.taken).toBe(40);
    // Each instance spaces its own calls by 60 s / 30 = 2 s.
    expect(waits.every((ms) => ms > 0)).toBe(true);
    const rows = await store.db.selectFrom("job_budget").selectAll().orderBy("minute").execute();
    expect(rows.map((r) => r.used).reduce((x, y) => x + y, 0)).toBe(40);
    expect(rows.every((r) => r.used <= 30)).toBe(true);
  });
});
