// The cleanup and reconcile jobs against the Pexip and Graph emulators, with a clock the test
// moves.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { CreateMeetingResponse } from "../../../src/shared";
import { runCleanup, retryDelayMs } from "../../../src/server/jobs/cleanup.job";
import { runReconcile } from "../../../src/server/jobs/reconcile.job";
import { listAudit } from "../../../src/server/bookings/audit.repository";
import { abandonKey } from "../../../src/server/bookings/abandoned-keys.repository";
import { expectConsistent } from "../support/consistency";
import { startTestApp, type TestApp } from "../support/test-app";

const CONF = "/api/admin/configuration/v1/conference/";
const hour = 3_600_000;
let now = Date.now();
let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await startTestApp({
    env: { RATE_LIMIT_PER_USER: "1000" },
    app: { clock: () => new Date(now) },
  });
  token = await t.token("anna");
});
afterAll(() => t.close());
beforeEach(async () => {
  now = Date.now();
  t.emu.pexip.reset();
  t.emu.graph.reset();
  await t.store.db.deleteFrom("bookings").execute();
  await t.store.db.deleteFrom("audit_events").execute();
});

async function book(type = "care", startInHours = 1, seriesEndInHours?: number) {
  const start = new Date(now + startInHours * hour);
  const body = {
    type,
    start: start.toISOString(),
    end: new Date(start.getTime() + hour).toISOString(),
    ...(seriesEndInHours
      ? { seriesEnd: new Date(now + seriesEndInHours * hour).toISOString() }
      : {}),
  };
  const res = await t.app.inject({
    method: "POST",
    url: "/api/v1/meetings",
    headers: { authorization: `Bearer ${token}` },
    payload: body,
  });
  expect(res.statusCode).toBe(201);
  return CreateMeetingResponse.parse(res.json());
}

const row = (id: string) =>
  t.store.db.selectFrom("bookings").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

describe("cleanup", () => {
  it("deletes a VMR the grace time after the meeting ends, not before; Teams is left alone", async () => {
    const care = await book("care", 1); // ends in 2 h; cleanup at 3 h
    const teams = await book("internal", 1);
    now += 2.5 * hour;
    expect((await runCleanup(t.app.bookingDeps)).deleted).toBe(0);
    now += hour;
    const report = await runCleanup(t.app.bookingDeps);
    expect(report.deleted).toBe(1);
    expect(t.emu.pexip.state().conferences).toEqual([]);
    expect((await row(care.booking.id)).lifecycle).toBe("removed");
    expect((await row(teams.booking.id)).lifecycle).toBe("active");
    await expectConsistent(t.store.db, t.emu.pexip, t.emu.graph);
  });

  it("waits for the end of a recurring series", async () => {
    await book("care", 1, 24 * 14);
    now += 5 * hour;
    expect((await runCleanup(t.app.bookingDeps)).deleted).toBe(0);
    now += 24 * 14 * hour;
    expect((await runCleanup(t.app.bookingDeps)).deleted).toBe(1);
  });

  it("retries a failed delete after a growing pause and reports the backlog", async () => {
    const care = await book("care", 1);
    now += 4 * hour;
    await t.emu.pexip.faults.add({ route: `DELETE ${CONF}`, status: 400 });
    expect((await runCleanup(t.app.bookingDeps)).failed).toBe(1);
    const failed = await row(care.booking.id);
    expect(failed).toMatchObject({
      lifecycle: "active",
      attempts: 1,
      last_error: "provider_rejected",
    });
    expect(await t.app.metrics.registry.metrics()).toMatch(/svm_cleanup_backlog 1/);
    t.emu.pexip.faults.clear();
    expect((await runCleanup(t.app.bookingDeps)).deleted).toBe(0); // still waiting
    now += retryDelayMs(1);
    expect((await runCleanup(t.app.bookingDeps)).deleted).toBe(1);
    expect(await t.app.metrics.registry.metrics()).toMatch(/svm_cleanup_backlog 0/);
    const outcomes = (await listAudit(t.store.db, care.booking.id))
      .filter((a) => a.action === "cleanup")
      .map((a) => a.outcome);
    expect(outcomes).toEqual(["provider_rejected", "ok"]);
  });

  it("a PATCH to a later time moves the cleanup", async () => {
    const care = await book("care", 1);
    const later = {
      start: new Date(now + 48 * hour).toISOString(),
      end: new Date(now + 49 * hour).toISOString(),
    };
    const res = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/meetings/${care.booking.id}`,
      headers: { authorization: `Bearer ${token}`, "x-manage-key": care.manageKey },
      payload: later,
    });
    expect(res.statusCode).toBe(200);
    now += 4 * hour;
    expect((await runCleanup(t.app.bookingDeps)).deleted).toBe(0);
  });

  it("retry pauses grow to at most six hours", () => {
    expect([1, 2, 3].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000]);
    expect(retryDelayMs(30)).toBe(6 * hour);
  });
});

describe("reconcile", () => {
  it("deletes VMRs with our tag that no booking owns (orphans)", async () => {
    await book("care");
    const orphan = await book("care");
    await t.store.db.deleteFrom("bookings").where("id", "=", orphan.booking.id).execute();
    // Younger than an hour: its create may still be recording it, so it stays.
    expect((await runReconcile(t.app.bookingDeps)).orphansDeleted).toBe(0);
    expect(t.emu.pexip.state().conferences).toHaveLength(2);
    now += 2 * hour;
    const report = await runReconcile(t.app.bookingDeps);
    expect(report.orphansDeleted).toBe(1);
    expect(t.emu.pexip.state().conferences).toHaveLength(1);
    await expectConsistent(t.store.db, t.emu.pexip, t.emu.graph);
  });

  it("marks a booking whose VMR is gone as removed (dangling)", async () => {
    const care = await book("care");
    t.emu.pexip.reset();
    now += 1000;
    // The first 404 only makes it a suspect; a second one a minute later confirms it.
    expect((await runReconcile(t.app.bookingDeps)).danglingRemoved).toBe(0);
    expect((await row(care.booking.id)).lifecycle).toBe("active");
    now += 30_000;
    expect((await runReconcile(t.app.bookingDeps)).danglingRemoved).toBe(0);
    now += 30_000;
    const report = await runReconcile(t.app.bookingDeps);
    expect(report.danglingRemoved).toBe(1);
    expect((await row(care.booking.id)).lifecycle).toBe("removed");
  });

  it("checks Teams bookings one by one (Teams cannot be listed)", async () => {
    const teams = await book("internal");
    t.emu.graph.reset();
    expect((await runReconcile(t.app.bookingDeps)).danglingRemoved).toBe(0);
    now += 60_000;
    expect((await runReconcile(t.app.bookingDeps)).danglingRemoved).toBe(1);
    expect((await row(teams.booking.id)).lifecycle).toBe("removed");
  });

  it("leaves creates in flight alone, and finishes them once their lease ran out", async () => {
    await t.emu.pexip.faults.add({ route: `POST ${CONF}`, latencyMs: 1_000, count: 1 });
    const pending = t.app.inject({
      method: "POST",
      url: "/api/v1/meetings",
      headers: { authorization: `Bearer ${token}` },
      payload: {
        type: "care",
        start: new Date(now + hour).toISOString(),
        end: new Date(now + 2 * hour).toISOString(),
      },
    });
    // Pexip holds the create's POST once its fault has fired (a count-1 fault is then gone).
    await vi.waitUntil(() => t.emu.pexip.faults.list().length === 0, { timeout: 10_000 });
    const during = await runReconcile(t.app.bookingDeps);
    expect(during).toMatchObject({ repaired: 0, orphansDeleted: 0 });
    expect((await pending).statusCode).toBe(201);
    await expectConsistent(t.store.db, t.emu.pexip, t.emu.graph);
  });

  it("runs on one instance at a time", async () => {
    const [a, b] = await Promise.all([
      runReconcile(t.app.bookingDeps),
      runReconcile(t.app.bookingDeps),
    ]);
    expect([a.ran, b.ran].sort()).toEqual([false, true]);
  });

  it("finishes a removal a crash interrupted", async () => {
    const care = await book("care");
    await t.store.db
      .updateTable("bookings")
      .set({ lifecycle: "removing", lease_owner: "dead", lease_until: new Date(0).toISOString() })
      .where("id", "=", care.booking.id)
      .execute();
    expect((await runReconcile(t.app.bookingDeps)).repaired).toBe(1);
    expect((await row(care.booking.id)).lifecycle).toBe("removed");
    expect(t.emu.pexip.state().conferences).toEqual([]);
  });

  it("deletes a meeting that appeared after its create was given up (late Teams answer)", async () => {
    const teams = await book("internal");
    // As if the create had failed on our side (and the key gone under watch, as abandonCreate
    // does) while Graph still made the meeting.
    await t.store.db
      .updateTable("bookings")
      .set({ lifecycle: "failed" })
      .where("id", "=", teams.booking.id)
      .execute();
    await abandonKey(t.store.db, {
      meetingKey: teams.booking.id,
      bookingId: teams.booking.id,
      service: "teams",
      at: new Date(now).toISOString(),
      firstCheckAt: new Date(now + 120_000).toISOString(),
    });
    expect((await runReconcile(t.app.bookingDeps)).lateMeetingsDeleted).toBe(0);
    now += 10 * 60_000;
    const report = await runReconcile(t.app.bookingDeps);
    expect(report.lateMeetingsDeleted).toBe(1);
    expect(t.emu.graph.state().meetings).toEqual([]);
  });
});
