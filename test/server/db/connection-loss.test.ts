// PostgreSQL drops the service's connections (pg_terminate_backend: what a failover or a restart
// does to them) while two production service processes (`node dist/server/server.js`) run on it: both stay alive, a request caught in the
// middle answers 503 with Retry-After, and the next request succeeds on a new connection.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import pg from "pg";
import { CreateMeetingResponse } from "../../../src/shared";
import { createPgSchema, type PgSchema } from "../support/pg-admin";
import {
  type ProductionServer,
  productionEnv,
  startProductionServer,
} from "../support/production-child";
import { type Emulators, startTestEmulators } from "../support/test-app";
import { PG_URL } from "../support/test-store";

let emu: Emulators;
let schema: PgSchema;
const children: ProductionServer[] = [];
const APP = `svm-connloss-${process.pid}`;

beforeAll(async () => {
  emu = await startTestEmulators();
  schema = await createPgSchema();
  for (const n of [1, 2]) {
    children.push(
      await startProductionServer(
        productionEnv(emu, {
          DATABASE_URL: schema.url(`${APP}-${n}`),
          LOG_LEVEL: "silent",
          INSTANCE_ID: `instance-${n}`,
        }),
      ),
    );
  }
}, 120_000);

afterAll(async () => {
  for (const child of children) await child.stop();
  await schema?.drop();
  await emu?.close();
});

const hour = 3_600_000;
const start = new Date(Date.now() + 24 * hour);
start.setUTCMinutes(0, 0, 0);

function window(offsetHours: number) {
  const s = new Date(start.getTime() + offsetHours * hour);
  return { start: s.toISOString(), end: new Date(s.getTime() + hour).toISOString() };
}

async function create(child: ProductionServer, offsetHours: number): Promise<Response> {
  const token = (await emu.entra.issueUserToken({ user: "anna" })).access_token;
  return fetch(`${child.url}/api/v1/meetings`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${token}`,
      "content-type": "application/json",
      "idempotency-key": crypto.randomUUID(),
    },
    body: JSON.stringify({ type: "care", ...window(offsetHours) }),
  });
}

async function connectionErrors(child: ProductionServer): Promise<number> {
  const text = await (await fetch(child.metricsUrl)).text();
  const line = text.split("\n").find((l) => l.startsWith("svm_db_connection_errors_total "));
  return Number(line?.split(" ")[1] ?? 0);
}

const waitFor = (condition: () => Promise<boolean>) =>
  vi.waitUntil(condition, { timeout: 10_000, interval: 25 });

function alive(child: ProductionServer): boolean {
  return child.process.exitCode === null && child.process.signalCode === null;
}

describe("PostgreSQL drops the service's connections", { timeout: 90_000 }, () => {
  it("idle connections terminated: both instances stay up and the next request succeeds", async () => {
    for (const [i, child] of children.entries()) expect((await create(child, i)).status).toBe(201);
    const before = await Promise.all(children.map(connectionErrors));
    expect(await schema.terminate(APP, "idle")).toBeGreaterThanOrEqual(2);
    // Each pool hears of its dropped clients (the 'error' event that used to end the process).
    await waitFor(async () => {
      const now = await Promise.all(children.map(connectionErrors));
      return now.every((n, i) => n > before[i]!);
    });
    expect(children.every(alive)).toBe(true);
    for (const [i, child] of children.entries()) {
      const res = await create(child, 10 + i);
      expect(res.status).toBe(201);
      CreateMeetingResponse.parse(await res.json());
    }
    const ready = await fetch(`${children[0]!.url}/readyz`);
    expect(((await ready.json()) as { checks: { database: string } }).checks.database).toBe("ok");
  });

  it("an active statement terminated: that request answers 503 + Retry-After, the next succeeds", async () => {
    // Hold a lock so the service's insert waits inside PostgreSQL: a statement in flight.
    const locker = new pg.Client({ connectionString: PG_URL });
    await locker.connect();
    try {
      await locker.query("BEGIN");
      await locker.query(`LOCK TABLE ${schema.name}.idempotency_records IN ACCESS EXCLUSIVE MODE`);
      const pending = create(children[0]!, 20);
      await waitFor(async () => {
        const rows = await locker.query(
          `SELECT 1 FROM pg_stat_activity WHERE application_name LIKE $1 AND wait_event_type = 'Lock'`,
          [`${APP}-1%`],
        );
        return rows.rowCount! > 0;
      });
      expect(await schema.terminate(`${APP}-1`, "active")).toBeGreaterThan(0);
      const res = await pending;
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
      const body = (await res.json()) as { error: { code: string; retryable?: boolean } };
      expect(body.error).toMatchObject({ code: "service_unavailable", retryable: true });
    } finally {
      await locker.query("ROLLBACK").catch(() => undefined);
      await locker.end();
    }
    expect(children.every(alive)).toBe(true);
    const res = await create(children[0]!, 21);
    expect(res.status).toBe(201);
  });

  it("every connection of both instances terminated at once: both answer again", async () => {
    await schema.terminate(APP);
    expect(children.every(alive)).toBe(true);
    for (const [i, child] of children.entries())
      expect((await create(child, 30 + i)).status).toBe(201);
  });
});
