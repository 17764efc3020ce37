// A 429 from the provider: a create it refused looks nothing up afterwards (nothing was made),
// and the jobs never retry it in line with the bookings: the pass ends at the first 429, no
// repair attempt is counted, and every instance's jobs leave the provider alone for its
// Retry-After (the minutes are marked spent in job_budget). The clock is the test's.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CreateMeetingResponse } from "../../../src/shared";
import type { BookingDeps } from "../../../src/server/bookings/deps";
import { runCleanup } from "../../../src/server/jobs/cleanup.job";
import { runReconcile } from "../../../src/server/jobs/reconcile.job";
import {
  JobThrottled,
  budgetedProviders,
  createJobBudget,
} from "../../../src/server/jobs/job-budget";
import { STORE_KINDS } from "../support/test-store";
import { startTestApp, type TestApp } from "../support/test-app";

const CONF = "/api/admin/configuration/v1/conference/";
const hour = 3_600_000;

describe.each(STORE_KINDS)("a provider's 429 (%s)", (kind) => {
  let t: TestApp;
  let token: string;
  let now = Date.now();
  beforeAll(async () => {
    t = await startTestApp({
      store: kind,
      env: { RATE_LIMIT_PER_USER: "1000" },
      app: { clock: () => new Date(now) },
    });
    token = await t.token("anna");
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    now = Date.now();
    t.emu.pexip.reset();
    await t.store.db.deleteFrom("bookings").execute();
    await t.store.db.deleteFrom("job_budget").execute();
  });

  const create = () => {
    const start = new Date(now + hour);
    return t.app.inject({
      method: "POST",
      url: "/api/v1/meetings",
      headers: { authorization: `Bearer ${token}` },
      payload: {
        type: "care",
        start: start.toISOString(),
        end: new Date(start.getTime() + hour).toISOString(),
      },
    });
  };
  /** The jobs' view of the providers, as job-runner.ts builds it; waiting moves the clock. */
  const jobDeps = (): BookingDeps => {
    const budget = createJobBudget(t.store.db, {
      perMinute: 300,
      clock: () => new Date(now),
      wait: async (ms) => {
        now += ms;
      },
    });
    return {
      ...t.app.bookingDeps,
      providers: budgetedProviders(t.app.bookingDeps.providers, budget),
    };
  };
  const fired = (route: string) =>
    t.emu.pexip.faults.list().find((f) => f.route === route)?.fired ?? 0;

  it("a create refused with 429 on every attempt looks nothing up afterwards", async () => {
    await t.emu.pexip.faults.add({ route: `POST ${CONF}`, status: 429, retryAfter: 0 });
    // A lookup would meet this fault and count it.
    await t.emu.pexip.faults.add({ route: `GET ${CONF}`, status: 500 });
    const res = await create();
    expect(res.statusCode).toBe(503);
    expect(fired(`POST ${CONF}`)).toBeGreaterThan(1); // the booking itself waits its turn
    expect(fired(`GET ${CONF}`)).toBe(0);
    const [row] = await t.store.db.selectFrom("bookings").selectAll().execute();
    expect(row).toMatchObject({ lifecycle: "failed", lease_owner: null });
  });

  it("a create whose answer was lost still looks for what it may have made", async () => {
    await t.emu.pexip.faults.add({ route: `POST ${CONF}`, status: 503 });
    await t.emu.pexip.faults.add({ route: `GET ${CONF}`, status: 500 });
    expect((await create()).statusCode).toBe(503);
    expect(fired(`GET ${CONF}`)).toBeGreaterThan(0);
  });

  it("cleanup ends its pass at the first 429, counts no attempt and yields the budget for Retry-After", async () => {
    const made = CreateMeetingResponse.parse((await create()).json());
    const id = made.booking.id;
    await t.store.db
      .updateTable("bookings")
      .set({ cleanup_at: new Date(now - 1000).toISOString() })
      .where("id", "=", id)
      .execute();
    await t.emu.pexip.faults.add({ route: `DELETE ${CONF}`, status: 429, retryAfter: 30 });
    const deps = jobDeps();
    const thrown = await runCleanup(deps).catch((err: unknown) => err);
    expect(thrown).toBeInstanceOf(JobThrottled);
    expect((thrown as JobThrottled).waitMs).toBe(30_000);
    expect(fired(`DELETE ${CONF}`)).toBe(1); // not retried
    const row = await t.store.db
      .selectFrom("bookings")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ lifecycle: "active", attempts: 0, lease_owner: null });
    expect(row.next_attempt_at).toBeNull();
    // Every instance sees this minute as spent.
    const minute = new Date(now).toISOString().slice(0, 16);
    const spent = await t.store.db
      .selectFrom("job_budget")
      .select("used")
      .where("minute", "=", minute)
      .executeTakeFirstOrThrow();
    expect(spent.used).toBe(300);
    // Reconcile in this process does not even ask while the pause runs.
    await expect(runReconcile(deps)).rejects.toBeInstanceOf(JobThrottled);
    expect(fired(`DELETE ${CONF}`)).toBe(1);

    // Past Retry-After, with the provider calm again, the VMR goes.
    t.emu.pexip.faults.clear();
    now += 30_000;
    expect((await runCleanup(deps)).deleted).toBe(1);
  });

  it("reconcile's listing stops at a 429 instead of retrying it", async () => {
    await t.emu.pexip.faults.add({ route: `GET ${CONF}`, status: 429, retryAfter: 5 });
    const thrown = await runReconcile(jobDeps()).catch((err: unknown) => err);
    expect(thrown).toBeInstanceOf(JobThrottled);
    expect(fired(`GET ${CONF}`)).toBe(1);
  });
});
