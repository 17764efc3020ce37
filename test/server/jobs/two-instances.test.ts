// Two service instances on one PostgreSQL with their jobs on: every cleanup and every repair
// happens exactly once, and afterwards the emulators and the store agree.
import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { FastifyInstance } from "fastify";
import { CreateMeetingResponse } from "../../../src/shared";
import { buildApp } from "../../../src/server/app";
import { loadConfig } from "../../../src/server/config";
import { openStore } from "../../../src/server/db/database";
import { createProviders } from "../../../src/server/providers";
import { expectConsistent } from "../support/consistency";
import { type Emulators, startTestEmulators, testEnv } from "../support/test-app";
import { openTestStore, type TestStore } from "../support/test-store";

let emu: Emulators;
let store: TestStore;
beforeAll(async () => {
  emu = await startTestEmulators();
  store = await openTestStore("postgres");
});
afterAll(async () => {
  await store.drop();
  await emu.close();
});

const quiet = () => pino({ level: "silent" }, new Writable({ write: (_c, _e, done) => done() }));
const hour = 3_600_000;

const JOBS = ["cleanup", "reconcile", "retention"];

/** How many runs each job of this instance has finished, whatever their outcome. */
async function jobRuns(app: FastifyInstance): Promise<Record<string, number>> {
  const runs: Record<string, number> = {};
  for (const { labels, value } of (await app.metrics.jobRuns.get()).values)
    runs[String(labels.job)] = (runs[String(labels.job)] ?? 0) + value;
  return runs;
}

async function instance(name: string, options: { jobs: boolean; clock?: () => Date }) {
  const env = testEnv(emu, {
    DATABASE_URL: "postgres://unused", // replaced below: the test's schema
    INSTANCE_ID: name,
    JOBS_ENABLED: String(options.jobs),
    CLEANUP_INTERVAL_SECONDS: "1",
    RECONCILE_INTERVAL_SECONDS: "1",
    RATE_LIMIT_PER_USER: "1000",
  });
  const config = loadConfig(env);
  const db = openStore(store.settings).db;
  const app = await buildApp({
    config,
    db,
    providers: createProviders(config.providers),
    logger: quiet(),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  await app.ready();
  return {
    app,
    close: async () => {
      await app.close();
      await db.destroy();
    },
  };
}

describe("two instances on one PostgreSQL", () => {
  it("clean up and reconcile each piece of work once", async () => {
    const booker = await instance("booker", { jobs: false });
    const token = (await emu.entra.issueUserToken({ user: "anna" })).access_token;
    const start = new Date(Date.now() + hour);
    const made: string[] = [];
    for (let i = 0; i < 16; i++) {
      const res = await booker.app.inject({
        method: "POST",
        url: "/api/v1/meetings",
        headers: { authorization: `Bearer ${token}` },
        payload: {
          type: "care",
          start: start.toISOString(),
          end: new Date(start.getTime() + hour).toISOString(),
        },
      });
      made.push(CreateMeetingResponse.parse(res.json()).booking.id);
    }
    // Four orphans (VMRs whose booking row is gone) and two half-done creates (a crash).
    const orphans = made.slice(0, 4);
    await store.db.deleteFrom("bookings").where("id", "in", orphans).execute();
    const stale = made.slice(4, 6);
    await store.db
      .updateTable("bookings")
      .set({ lifecycle: "creating", lease_owner: "dead", lease_until: new Date(0).toISOString() })
      .where("id", "in", stale)
      .execute();
    await booker.close();

    // A day later, two instances with their jobs on.
    const tomorrow = () => new Date(Date.now() + 24 * hour);
    const a = await instance("instance-a", { jobs: true, clock: tomorrow });
    const b = await instance("instance-b", { jobs: true, clock: tomorrow });
    const cleaned = made.slice(6);
    await vi.waitUntil(
      async () => {
        const removed = await store.db
          .selectFrom("bookings")
          .select("id")
          .where("lifecycle", "=", "removed")
          .execute();
        const orphanRuns = await store.db
          .selectFrom("audit_events")
          .select("id")
          .where("action", "=", "reconcile.orphan-deleted")
          .execute();
        return (
          removed.length === cleaned.length &&
          orphanRuns.length >= orphans.length &&
          emu.pexip.state().conferences.length === 0
        );
      },
      { timeout: 50_000, interval: 100 },
    );
    // Let three more rounds of every job run on both: nothing may be done twice.
    const after = await Promise.all([jobRuns(a.app), jobRuns(b.app)]);
    await vi.waitUntil(
      async () => {
        const now = await Promise.all([jobRuns(a.app), jobRuns(b.app)]);
        return now.every((runs, i) =>
          JOBS.every((job) => (runs[job] ?? 0) >= (after[i]![job] ?? 0) + 3),
        );
      },
      { timeout: 30_000, interval: 100 },
    );
    await Promise.all([a.close(), b.close()]);

    const audit = await store.db
      .selectFrom("audit_events")
      .selectAll()
      .where("actor_oid", "=", "system")
      .execute();
    const count = (action: string, id: string | null) =>
      audit.filter((e) => e.action === action && e.booking_id === id && e.outcome === "ok").length;
    for (const id of cleaned) expect(count("cleanup", id)).toBe(1);
    for (const id of stale) expect(count("reconcile.create-undone", id)).toBe(1);
    expect(audit.filter((e) => e.action === "reconcile.orphan-deleted")).toHaveLength(
      orphans.length,
    );
    expect(emu.pexip.state().conferences).toEqual([]);
    await expectConsistent(store.db, emu.pexip, emu.graph);
  }, 90_000);

  it("answer one Idempotency-Key with one booking whichever instance a repeat lands on", async () => {
    emu.pexip.reset();
    const a = await instance("idem-a", { jobs: false });
    const b = await instance("idem-b", { jobs: false });
    const token = (await emu.entra.issueUserToken({ user: "karl" })).access_token;
    const start = new Date(Date.now() + 2 * hour);
    const payload = {
      type: "care",
      start: start.toISOString(),
      end: new Date(start.getTime() + hour).toISOString(),
    };
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? a : b).app.inject({
          method: "POST",
          url: "/api/v1/meetings",
          headers: {
            authorization: `Bearer ${token}`,
            "idempotency-key": "0b8f3c4e-6a1d-4f2b-9c3e-7d5a1b2c3d4e",
          },
          payload,
        }),
      ),
    );
    await Promise.all([a.close(), b.close()]);
    expect(answers.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    const ids = new Set(answers.map((r) => CreateMeetingResponse.parse(r.json()).booking.id));
    expect(ids.size).toBe(1);
    expect(emu.pexip.state().conferences).toHaveLength(1);
  });
});
