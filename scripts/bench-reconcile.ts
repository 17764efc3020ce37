// One reconcile pass over 20 000 Pexip rooms in the emulator, through the jobs' API budget
// (JOB_API_BUDGET_PER_MINUTE, default 300): how many provider calls it makes and how long it
// takes. 19 950 rooms have an active booking, 50 are orphans older than the minimum age; the
// pass lists every room (keyset pages of 500), deletes at most 20 orphans and checks nothing
// else directly, because every booked room is in the listing.
//
//   npx tsx scripts/bench-reconcile.ts [rooms]
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PEXIP_DEV_BASIC, startPexipEmulator } from "../src/emulators";
import { buildApp } from "../src/server/app";
import { loadConfig } from "../src/server/config";
import { openStore } from "../src/server/db/database";
import { migrateToLatest } from "../src/server/db/migrate";
import { budgetedProviders, createJobBudget } from "../src/server/jobs/job-budget";
import { runReconcile } from "../src/server/jobs/reconcile.job";
import { createProviders } from "../src/server/providers";

const CONF = "/api/admin/configuration/v1/conference/";
const ORPHANS = 50;

export async function benchReconcile(rooms = 20_000) {
  // The emulator's own 1 000/min limit is off for seeding; the budget is what is measured.
  const pexip = await startPexipEmulator({ port: 0, rateLimit: false });
  const dir = mkdtempSync(path.join(tmpdir(), "svm-bench-reconcile-"));
  const key = Buffer.alloc(32, 7).toString("base64");
  const config = loadConfig({
    PUBLIC_ORIGIN: "https://addin.region.example",
    ENTRA_TENANT_IDS: "5b0f2c1a-6c2d-4e7a-9b1e-2f6a1d3c4e5f",
    ENTRA_API_APP_ID: "c0ffee00-5e55-4a11-9d0c-000000000a91",
    ADDIN_CLIENT_ID: "c0ffee00-5e55-4a11-9d0c-000000000a92",
    MANAGE_KEY_HMAC_SECRET: key,
    HOST_SECRET_KEY: key,
    PEXIP_MANAGEMENT_URL: pexip.url,
    PEXIP_NODE_URL: pexip.url,
    PEXIP_SIP_DOMAIN: "vmr.region.example",
    PEXIP_USERNAME: PEXIP_DEV_BASIC.username,
    PEXIP_PASSWORD: PEXIP_DEV_BASIC.password,
    GRAPH_TENANT_ID: "5b0f2c1a-6c2d-4e7a-9b1e-2f6a1d3c4e5f",
    GRAPH_CLIENT_ID: "c0ffee00-5e55-4a11-9d0c-000000000a91",
    GRAPH_CLIENT_SECRET: "unused",
    SQLITE_PATH: path.join(dir, "bookings.sqlite"),
    LOG_LEVEL: "silent",
    JOBS_ENABLED: "false",
  });
  const store = openStore(config.database);
  await migrateToLatest(store.db);
  const auth = `Basic ${Buffer.from(`${PEXIP_DEV_BASIC.username}:${PEXIP_DEV_BASIC.password}`).toString("base64")}`;
  const at = new Date(Date.now() - 2 * 3_600_000).toISOString();
  const seedOne = async (i: number) => {
    const id = randomUUID();
    const res = await fetch(`${pexip.url}${CONF}`, {
      method: "POST",
      headers: { authorization: auth, "content-type": "application/json" },
      body: JSON.stringify({
        name: `svm-${id}`,
        service_type: "conference",
        tag: "skyddat-vardmote",
      }),
    });
    const externalId = /\/(\d+)\/$/.exec(res.headers.get("location") ?? "")?.[1] ?? "";
    if (i < ORPHANS) return null;
    return {
      id,
      organizer_oid: "bench",
      organizer_tid: "bench",
      type: "care",
      service: "pexip",
      start_at: at,
      end_at: at,
      series_end_at: null,
      lifecycle: "active" as const,
      meeting_key: id,
      provider_ref: JSON.stringify({ service: "pexip", externalId, data: { name: `svm-${id}` } }),
      join_data: null,
      host_secret: null,
      manage_key_hash: "bench",
      pending_type: null,
      pending_service: null,
      pending_meeting_key: null,
      pending_ref: null,
      pending_join: null,
      pending_host_secret: null,
      cleanup_at: null,
      next_attempt_at: null,
      last_error: null,
      lease_owner: null,
      lease_until: null,
      verified_at: null,
      missing_since: null,
      attention_at: null,
      created_at: at,
      updated_at: at,
    };
  };
  for (let i = 0; i < rooms; i += 50) {
    const rows = await Promise.all(
      Array.from({ length: Math.min(50, rooms - i) }, (_, j) => seedOne(i + j)),
    );
    const booked = rows.filter((r) => r !== null);
    if (booked.length > 0) await store.db.insertInto("bookings").values(booked).execute();
  }
  // The rooms were made "now" by the emulator's clock; the pass runs two hours later.
  const later = () => new Date(Date.now() + 2 * 3_600_000);
  const app = await buildApp({
    config,
    db: store.db,
    providers: createProviders(config.providers),
    clock: later,
  });
  const budget = createJobBudget(store.db, {
    perMinute: config.jobs.apiBudgetPerMinute,
    clock: later,
  });
  const deps = {
    ...app.bookingDeps,
    providers: budgetedProviders(app.bookingDeps.providers, budget),
  };
  const started = performance.now();
  const report = await runReconcile(deps, { settings: config.jobs.reconcile });
  const seconds = (performance.now() - started) / 1000;
  const result = {
    rooms,
    calls: budget.taken,
    seconds: Number(seconds.toFixed(1)),
    budgetPerMinute: config.jobs.apiBudgetPerMinute,
    orphansDeleted: report.orphansDeleted,
    danglingRemoved: report.danglingRemoved,
    errors: report.errors,
    roomsLeft: pexip.state().conferences.length,
  };
  await app.close();
  await store.close();
  await pexip.close();
  rmSync(dir, { recursive: true, force: true });
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rooms = Number(process.argv[2] ?? 20_000);
  process.stdout.write(`${JSON.stringify(await benchReconcile(rooms))}\n`);
}
