// Repair that cannot starve: a compensation that fails for ever (Teams answering 403 to every
// delete, injected in the Graph emulator) waits a growing pause between attempts, so the other
// repairs run meanwhile; after the configured attempts it moves to needs_attention (metric,
// audit) and the admin command, a real child process on the same store, lists it and sends it
// back to the queue. On SQLite and PostgreSQL. The clock is the test's: no waiting for pauses.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CreateMeetingResponse } from "../../../src/shared";
import { listAudit } from "../../../src/server/bookings/audit.repository";
import { runReconcile } from "../../../src/server/jobs/reconcile.job";
import type { ReconcileDecision } from "../../../src/server/jobs/reconcile-settings";
import type { RepairSettings } from "../../../src/server/jobs/repair-settings";
import { type AttentionItem, listAttention } from "../../../src/server/admin/needs-attention";
import { STORE_KINDS, PG_URL, type StoreKind } from "../support/test-store";
import { startTestApp, type TestApp } from "../support/test-app";

const CLI = fileURLToPath(new URL("../../../src/server/admin/cli.ts", import.meta.url));
const run = promisify(execFile);
const hour = 3_600_000;
const minute = 60_000;
const REPAIR: RepairSettings = {
  baseDelayMs: minute,
  maxDelayMs: 2 * minute,
  maxAttempts: 3,
  // One row a pass: the stuck row, oldest of all, would hold the whole queue if it were picked
  // every time.
  batch: 1,
  lateWatchMs: hour,
};

/** The admin command as an operator runs it, against the store of `t`. */
async function admin(t: TestApp, kind: StoreKind, ...args: string[]) {
  const settings = t.store.settings;
  const env: Record<string, string> = { PATH: process.env.PATH ?? "" };
  if (kind === "sqlite" && settings.kind === "sqlite") env.SQLITE_PATH = settings.path;
  if (settings.kind === "postgres" && "searchPath" in settings)
    env.DATABASE_URL = `${PG_URL}?options=${encodeURIComponent(`-c search_path=${settings.searchPath}`)}`;
  return run(process.execPath, ["--import", "tsx", CLI, ...args], { env });
}

describe.each(STORE_KINDS)("repair that cannot starve (%s)", (kind) => {
  let t: TestApp;
  let token: string;
  let now = Date.now();
  beforeAll(async () => {
    t = await startTestApp({
      store: kind,
      app: { clock: () => new Date(now) },
      env: { RATE_LIMIT_PER_USER: "1000" },
    });
    token = await t.token("anna");
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    now = Date.now();
    t.emu.graph.reset();
    t.emu.pexip.reset();
    await t.store.db.deleteFrom("bookings").execute();
    await t.store.db.deleteFrom("audit_events").execute();
  });

  const start = new Date(Date.now() + 24 * hour);
  start.setUTCMinutes(0, 0, 0);
  async function book(type: string): Promise<string> {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/meetings",
      headers: { authorization: `Bearer ${token}` },
      payload: {
        start: start.toISOString(),
        end: new Date(start.getTime() + hour).toISOString(),
        type,
      },
    });
    expect(res.statusCode).toBe(201);
    return CreateMeetingResponse.parse(res.json()).booking.id;
  }
  /** What a crash in the middle of a removal leaves: the intent, no lease, `age` ago. */
  async function crashedRemoval(id: string, ageMs: number): Promise<void> {
    await t.store.db
      .updateTable("bookings")
      .set({
        lifecycle: "removing",
        lease_owner: null,
        lease_until: null,
        updated_at: new Date(now - ageMs).toISOString(),
      })
      .where("id", "=", id)
      .execute();
  }
  const lifecycle = async (id: string) =>
    await t.store.db
      .selectFrom("bookings")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();

  // The admin command is a real process: tsx takes seconds to start on a busy machine.
  it(
    "a compensation failing for ever backs off, lets the others run, ends in needs_attention and is listed",
    { timeout: 120_000 },
    async () => {
      const stuck = await book("information"); // Teams
      const others = [await book("care"), await book("care")]; // Pexip
      await crashedRemoval(stuck, 3 * hour);
      await crashedRemoval(others[0]!, 2 * hour);
      await crashedRemoval(others[1]!, hour);
      await t.emu.graph.faults.add({ route: "DELETE /v1.0/users/", status: 403 });
      const seen: ReconcileDecision[] = [];
      const pass = () =>
        runReconcile(t.app.bookingDeps, {
          repair: REPAIR,
          observer: { decision: (_service, decision) => seen.push(decision) },
        });

      // First pass: the oldest row is tried and fails; it waits a minute from now on.
      expect(await pass()).toMatchObject({ repaired: 0, errors: 1 });
      const first = await lifecycle(stuck);
      expect(first).toMatchObject({ lifecycle: "removing", attempts: 1, lease_owner: null });
      expect(first.last_error).toMatch(/^[a-z_]+$/);
      expect(Date.parse(first.next_attempt_at!)).toBe(now + minute);
      // The next passes, before that minute is up, repair the others one by one.
      expect(await pass()).toMatchObject({ repaired: 1, errors: 0 });
      expect(await pass()).toMatchObject({ repaired: 1, errors: 0 });
      for (const id of others) expect((await lifecycle(id)).lifecycle).toBe("removed");
      expect(t.emu.pexip.state().conferences).toHaveLength(0);
      expect(await pass()).toMatchObject({ repaired: 0, errors: 0 }); // nothing due

      // Second attempt a minute later fails too: the pause doubles.
      now += minute;
      expect(await pass()).toMatchObject({ errors: 1, needsAttention: 0 });
      const second = await lifecycle(stuck);
      expect(second.attempts).toBe(2);
      expect(Date.parse(second.next_attempt_at!)).toBe(now + 2 * minute);
      now += 2 * minute - 1;
      expect(await pass()).toMatchObject({ errors: 0 }); // one millisecond early: not due

      // Third and last attempt: handed to an operator.
      now += 1;
      expect(await pass()).toMatchObject({ errors: 1, needsAttention: 1 });
      const given = await lifecycle(stuck);
      expect(given).toMatchObject({
        lifecycle: "needs_attention",
        attention_from: "removing",
        attempts: 3,
        next_attempt_at: null,
        lease_owner: null,
      });
      expect(given.attention_at).toBe(new Date(now).toISOString());
      expect(seen.filter((d) => d === "needs_attention")).toHaveLength(1);
      expect(seen.filter((d) => d === "repair_failed")).toHaveLength(3);
      const audit = await listAudit(t.store.db, stuck);
      // Sorted: rows written in the same millisecond of the test's clock have no order of their own.
      expect(
        audit
          .map((a) => a.action)
          .filter((a) => a !== "create")
          .sort(),
      ).toEqual([
        "reconcile.repair",
        "reconcile.repair",
        "reconcile.repair",
        "repair.needs-attention",
      ]);
      expect(audit.at(-1)!.outcome).toBe(given.last_error);
      expect(await t.app.metrics.registry.metrics()).toMatch(/svm_needs_attention 1/);
      // Never picked again by the jobs, however long one waits.
      now += 24 * hour;
      expect(await pass()).toMatchObject({ repaired: 0, errors: 0 });
      expect(t.emu.graph.state().meetings).toHaveLength(1);

      // The admin command lists it: ids, provider, state, attempts, error code; nothing personal.
      const listed = await admin(t, kind, "needs-attention", "--json");
      const items = JSON.parse(listed.stdout) as AttentionItem[];
      expect(items).toEqual([
        {
          bookingId: stuck,
          provider: "teams",
          state: "removing",
          attempts: 3,
          lastError: given.last_error,
          since: given.attention_at,
        },
      ]);
      const text = await admin(t, kind, "needs-attention");
      expect(text.stdout).toContain(stuck);
      expect(text.stdout).toContain("1 booking(s) need attention");

      // Teams lets go; the operator retries it and the next pass finishes the removal.
      t.emu.graph.faults.clear();
      const retried = await admin(t, kind, "retry", stuck);
      expect(retried.stdout).toContain("goes back to the repair queue");
      expect(await lifecycle(stuck)).toMatchObject({ lifecycle: "removing", attempts: 0 });
      expect(await pass()).toMatchObject({ repaired: 1, errors: 0 });
      expect((await lifecycle(stuck)).lifecycle).toBe("removed");
      expect(t.emu.graph.state().meetings).toHaveLength(0);
      expect(await listAttention(t.store.db)).toEqual([]);
      expect(await t.app.metrics.registry.metrics()).toMatch(/svm_needs_attention 0/);
    },
  );

  it(
    "the admin command refuses what it cannot do, with a clear message",
    { timeout: 120_000 },
    async () => {
      await expect(admin(t, kind, "retry", "not-an-id")).rejects.toMatchObject({
        code: 2,
        stderr: expect.stringContaining("the booking id must be a UUID"),
      });
      const id = await book("care");
      await expect(admin(t, kind, "retry", id)).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringContaining("does not need attention"),
      });
      await expect(admin(t, kind, "frobnicate")).rejects.toMatchObject({
        code: 2,
        stderr: expect.stringContaining("usage: npm run admin"),
      });
    },
  );
});
