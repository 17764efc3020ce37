// Kill the service process (SIGKILL) while a provider holds its call, then run reconcile and
// compare the emulators with the store: nothing missing, nothing extra.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { CreateMeetingResponse } from "../../../src/shared";
import { buildApp } from "../../../src/server/app";
import { loadConfig } from "../../../src/server/config";
import { openStore, type Store } from "../../../src/server/db/database";
import { type ReconcileReport, runReconcile } from "../../../src/server/jobs/reconcile.job";
import { createProviders } from "../../../src/server/providers";
import { type ChildService, startChildService } from "../support/child-service";
import { expectConsistent } from "../support/consistency";
import { type Emulators, startTestEmulators, testEnv } from "../support/test-app";

const CONF = "/api/admin/configuration/v1/conference/";
let emu: Emulators;
let dir: string;
let env: Record<string, string>;
let child: ChildService | null = null;

beforeAll(async () => {
  emu = await startTestEmulators();
});
afterAll(async () => {
  await child?.kill();
  await emu.close();
});
beforeEach(async () => {
  await child?.kill();
  child = null;
  emu.pexip.reset();
  emu.graph.reset();
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = mkdtempSync(path.join(tmpdir(), "svm-crash-"));
  env = testEnv(emu, {
    SQLITE_PATH: path.join(dir, "bookings.sqlite"),
    PEXIP_DEADLINE_MS: "30000",
    GRAPH_DEADLINE_MS: "30000",
    LOG_LEVEL: "silent",
  });
});

const hour = 3_600_000;
const start = new Date(Date.now() + 24 * hour);
start.setUTCMinutes(0, 0, 0);
const WINDOW = { start: start.toISOString(), end: new Date(start.getTime() + hour).toISOString() };

/** Waits (up to 10 s) for what the child process does to show in the emulators. */
const until = (condition: () => boolean) =>
  vi.waitUntil(condition, { timeout: 10_000, interval: 25 });

/** Reconcile as another instance would run it `aheadMs` from now; its report. */
async function reconcileAhead(aheadMs: number): Promise<{ store: Store; report: ReconcileReport }> {
  const config = loadConfig(env);
  const store = openStore(config.database);
  const app = await buildApp({
    config,
    db: store.db,
    providers: createProviders(config.providers),
    clock: () => new Date(Date.now() + aheadMs),
    logger: undefined,
  });
  const report = await runReconcile(app.bookingDeps);
  await app.close();
  return { store, report };
}

/** Reconcile as another instance would run it after the dead one's leases ran out. */
async function reconcileLater(): Promise<Store> {
  const { store, report } = await reconcileAhead(loadConfig(env).jobs.leaseMs + 60_000);
  expect(report.errors).toBe(0);
  expect(report.repaired).toBe(1);
  return store;
}

async function call(method: string, url: string, token: string, body: object, key?: string) {
  return fetch(`${child!.url}${url}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      "content-type": "application/json",
      ...(key ? { "x-manage-key": key } : {}),
    },
    body: JSON.stringify(body),
  });
}

describe("a service killed mid-operation", { timeout: 90_000 }, () => {
  it("create: the VMR Pexip made is deleted and the booking closed", async () => {
    child = await startChildService(env);
    const token = (await emu.entra.issueUserToken({ user: "anna" })).access_token;
    await emu.pexip.faults.add({ route: `POST ${CONF}`, hang: true, when: "after" });
    void call("POST", "/api/v1/meetings", token, { type: "care", ...WINDOW }).catch(
      () => undefined,
    );
    await until(() => emu.pexip.state().conferences.length === 1);
    await child.kill();
    emu.pexip.faults.clear();
    const store = await reconcileLater();
    await expectConsistent(store.db, emu.pexip, emu.graph);
    const rows = await store.db.selectFrom("bookings").select("lifecycle").execute();
    expect(rows).toEqual([{ lifecycle: "failed" }]);
    await store.close();
  });

  async function booked(): Promise<{ id: string; key: string; token: string }> {
    const token = (await emu.entra.issueUserToken({ user: "anna" })).access_token;
    const res = await call("POST", "/api/v1/meetings", token, { type: "care", ...WINDOW });
    const body = CreateMeetingResponse.parse(await res.json());
    return { id: body.booking.id, key: body.manageKey, token };
  }

  it("change-type before the new meeting was recorded: back to the old meeting", async () => {
    child = await startChildService(env);
    const b = await booked();
    await emu.graph.faults.add({ route: "POST /v1.0/users/", hang: true, when: "after" });
    void call(
      "POST",
      `/api/v1/meetings/${b.id}/change-type`,
      b.token,
      { type: "information" },
      b.key,
    ).catch(() => undefined);
    await until(() => emu.graph.state().meetings.length === 1);
    await child.kill();
    emu.graph.faults.clear();
    const store = await reconcileLater();
    await expectConsistent(store.db, emu.pexip, emu.graph);
    expect(emu.graph.state().meetings).toEqual([]);
    const row = await store.db.selectFrom("bookings").selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ type: "care", lifecycle: "active", pending_type: null });
    await store.close();
  });

  it("change-type while the old meeting was being deleted: forward to the new one", async () => {
    child = await startChildService(env);
    const b = await booked();
    await emu.pexip.faults.add({ route: `DELETE ${CONF}`, hang: true, when: "after" });
    void call(
      "POST",
      `/api/v1/meetings/${b.id}/change-type`,
      b.token,
      { type: "information" },
      b.key,
    ).catch(() => undefined);
    await until(() => emu.pexip.state().conferences.length === 0);
    await child.kill();
    emu.pexip.faults.clear();
    const store = await reconcileLater();
    await expectConsistent(store.db, emu.pexip, emu.graph);
    expect(emu.graph.state().meetings).toHaveLength(1);
    const row = await store.db.selectFrom("bookings").selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ type: "information", service: "teams", lifecycle: "active" });
    await store.close();
  });

  it("change-type killed while the old meeting's delete was held: forward, and the watch deletes the old one", async () => {
    child = await startChildService(env);
    const b = await booked();
    // Pexip holds the delete without carrying it out: the old VMR is still there after the kill.
    await emu.pexip.faults.add({ route: `DELETE ${CONF}`, hang: true });
    void call(
      "POST",
      `/api/v1/meetings/${b.id}/change-type`,
      b.token,
      { type: "internal" },
      b.key,
    ).catch(() => undefined);
    await until(
      () => emu.graph.state().meetings.length === 1 && emu.pexip.faults.list()[0]?.fired === 1,
    );
    await child.kill();
    emu.pexip.faults.clear();
    expect(emu.pexip.state().conferences).toHaveLength(1);
    const store = await reconcileLater();
    await expectConsistent(store.db, emu.pexip, emu.graph);
    expect(emu.pexip.state().conferences).toEqual([]);
    const row = await store.db.selectFrom("bookings").selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ type: "internal", service: "teams", lifecycle: "active" });
    await store.close();
  });

  it("Teams create killed while Graph held its createOrGet: the meeting Graph makes after the repair is deleted", async () => {
    child = await startChildService(env);
    const token = (await emu.entra.issueUserToken({ user: "anna" })).access_token;
    // Graph holds the createOrGet, then carries it out after the instance died and repair ran.
    emu.graph.faults.add({
      route: "POST /v1.0/users/",
      latencyMs: 8_000,
      count: 1,
    });
    void call("POST", "/api/v1/meetings", token, { type: "internal", ...WINDOW }).catch(
      () => undefined,
    );
    await until(() => emu.graph.faults.list().length === 0);
    await child.kill();
    const lease = loadConfig(env).jobs.leaseMs;
    const first = await reconcileAhead(lease + 60_000);
    expect(first.report).toMatchObject({ repaired: 1, errors: 0, lateMeetingsDeleted: 0 });
    const [failed] = await first.store.db.selectFrom("bookings").selectAll().execute();
    expect(failed).toMatchObject({ lifecycle: "failed" });
    await first.store.close();
    await until(() => emu.graph.state().meetings.some((m) => m.externalId === failed!.id));
    const second = await reconcileAhead(2 * lease + 61_000);
    expect(second.report).toMatchObject({ errors: 0, lateMeetingsDeleted: 1 });
    expect(emu.graph.state().meetings).toEqual([]);
    await expectConsistent(second.store.db, emu.pexip, emu.graph);
    await second.store.close();
  });
});
