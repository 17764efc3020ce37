// No Idempotency-Key stays stuck: an instance SIGKILLed after it stored the key's record and the
// booking intent (mid-way through Pexip's create) leaves a key the next retry takes over once the
// dead attempt's lease has run out, on SQLite and on PostgreSQL, and a pending record without a
// booking (left by an older version) is taken over by a retry or expired by the cleanup job.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CreateMeetingResponse } from "../../../src/shared";
import { buildApp } from "../../../src/server/app";
import { loadConfig } from "../../../src/server/config";
import { openStore, type Store } from "../../../src/server/db/database";
import { runCleanup } from "../../../src/server/jobs/cleanup.job";
import { createProviders } from "../../../src/server/providers";
import { type ChildService, startChildService } from "../support/child-service";
import { expectConsistent } from "../support/consistency";
import { createPgSchema, type PgSchema } from "../support/pg-admin";
import { type Emulators, startTestEmulators, testEnv } from "../support/test-app";

const CONF = "/api/admin/configuration/v1/conference/";
const hour = 3_600_000;
const start = new Date(Date.now() + 24 * hour);
start.setUTCMinutes(0, 0, 0);
const BODY = {
  type: "care",
  start: start.toISOString(),
  end: new Date(start.getTime() + hour).toISOString(),
};

let emu: Emulators;
beforeAll(async () => {
  emu = await startTestEmulators();
});
afterAll(() => emu.close());

/** Waits (up to 10 s) for what the child process does to show in the emulators. */
const until = (condition: () => boolean) =>
  vi.waitUntil(condition, { timeout: 10_000, interval: 25 });

describe.each(["sqlite", "postgres"] as const)(
  "a stuck Idempotency-Key on %s",
  { timeout: 120_000 },
  (kind) => {
    let env: Record<string, string>;
    let dir = "";
    let schema: PgSchema | null = null;
    let child: ChildService | null = null;
    let store: Store;
    beforeAll(async () => {
      emu.pexip.reset();
      dir = mkdtempSync(path.join(tmpdir(), "svm-stuck-"));
      if (kind === "postgres") schema = await createPgSchema();
      env = testEnv(emu, {
        ...(schema
          ? { DATABASE_URL: schema.url("svm-stuck") }
          : { SQLITE_PATH: path.join(dir, "bookings.sqlite") }),
        PEXIP_DEADLINE_MS: "5000",
        LEASE_SECONDS: "30",
        LOG_LEVEL: "silent",
      });
    });
    afterAll(async () => {
      await child?.kill();
      await store?.close();
      await schema?.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    /** Another instance on the same store, its clock `aheadMs` later than now. */
    async function instance(aheadMs: number): Promise<FastifyInstance> {
      const config = loadConfig(env);
      store ??= openStore(config.database);
      return buildApp({
        config,
        db: store.db,
        providers: createProviders(config.providers),
        clock: () => new Date(Date.now() + aheadMs),
        idempotencyWaitMs: 200,
      });
    }

    async function post(app: FastifyInstance, key: string) {
      const token = (await emu.entra.issueUserToken({ user: "anna" })).access_token;
      return app.inject({
        method: "POST",
        url: "/api/v1/meetings",
        headers: { authorization: `Bearer ${token}`, "idempotency-key": key },
        payload: BODY,
      });
    }

    it("killed between the record and the booking: the retry after the lease succeeds", async () => {
      child = await startChildService(env);
      const token = (await emu.entra.issueUserToken({ user: "anna" })).access_token;
      const key = crypto.randomUUID();
      // Pexip makes the VMR, then its answer never comes: the child is inside the create.
      await emu.pexip.faults.add({ route: `POST ${CONF}`, hang: true, when: "after" });
      void fetch(`${child.url}/api/v1/meetings`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${token}`,
          "content-type": "application/json",
          "idempotency-key": key,
        },
        body: JSON.stringify(BODY),
      }).catch(() => undefined);
      await until(() => emu.pexip.state().conferences.length === 1);
      await child.kill();
      emu.pexip.faults.clear();

      // While the dead attempt's lease lasts, a retry is told to come back (409, retryable).
      const early = await instance(0);
      const waiting = await post(early, key);
      expect(waiting.statusCode).toBe(409);
      expect(waiting.json().error).toMatchObject({ code: "conflict", retryable: true });
      await early.close();

      // After it, the retry takes the key over and finishes the create with the VMR already made.
      const later = await instance(31_000);
      const retried = await post(later, key);
      expect(retried.statusCode).toBe(201);
      const body = CreateMeetingResponse.parse(retried.json());
      const record = await store.db
        .selectFrom("idempotency_records")
        .selectAll()
        .executeTakeFirstOrThrow();
      expect(record).toMatchObject({ status: "done", booking_id: body.booking.id });
      expect(emu.pexip.state().conferences).toHaveLength(1);
      await expectConsistent(store.db, emu.pexip);

      // And from then on the key answers with that same booking and manageKey.
      const again = await post(later, key);
      expect(again.statusCode).toBe(201);
      expect(again.headers["idempotent-replayed"]).toBe("true");
      expect(CreateMeetingResponse.parse(again.json())).toMatchObject({
        manageKey: body.manageKey,
        booking: { id: body.booking.id },
      });
      // The manageKey the retry returned manages the booking.
      const token2 = (await emu.entra.issueUserToken({ user: "anna" })).access_token;
      const read = await later.inject({
        method: "GET",
        url: `/api/v1/meetings/${body.booking.id}`,
        headers: { authorization: `Bearer ${token2}`, "x-manage-key": body.manageKey },
      });
      expect(read.statusCode).toBe(200);
      await later.close();
    });

    it("a pending record without a booking: a retry takes it over, cleanup expires the rest", async () => {
      const app = await instance(0);
      const tokenClaims = (await emu.entra.issueUserToken({ user: "anna" })).access_token;
      const payload = JSON.parse(
        Buffer.from(tokenClaims.split(".")[1]!, "base64url").toString(),
      ) as { oid: string; tid: string };
      // What an older version left: the record written, the booking never.
      const orphanRecord = async (key: string, hash: string) =>
        store.db
          .insertInto("idempotency_records")
          .values({
            organizer_oid: payload.oid,
            organizer_tid: payload.tid,
            idem_key: key,
            request_hash: hash,
            booking_id: crypto.randomUUID(),
            status: "pending",
            manage_key_enc: null,
            owner: "dead-instance:1",
            created_at: new Date(Date.now() - 60_000).toISOString(),
            expires_at: new Date(Date.now() + 24 * hour).toISOString(),
          })
          .execute();
      // The request hash of BODY, taken from a record a real create stored.
      const real = await post(app, crypto.randomUUID());
      expect(real.statusCode).toBe(201);
      const { request_hash: hash } = await store.db
        .selectFrom("idempotency_records")
        .select("request_hash")
        .where("status", "=", "done")
        .orderBy("created_at", "desc")
        .executeTakeFirstOrThrow();
      const retriedKey = crypto.randomUUID();
      const abandonedKey = crypto.randomUUID();
      await orphanRecord(retriedKey, hash);
      await orphanRecord(abandonedKey, hash);

      const retried = await post(app, retriedKey);
      expect(retried.statusCode).toBe(201);

      const report = await runCleanup(app.bookingDeps);
      expect(report.expiredPendingKeys).toBe(1);
      const left = await store.db
        .selectFrom("idempotency_records")
        .select(["idem_key", "status"])
        .where("idem_key", "in", [retriedKey, abandonedKey])
        .execute();
      expect(left).toEqual([{ idem_key: retriedKey, status: "done" }]);
      await expectConsistent(store.db, emu.pexip);
      await app.close();
    });
  },
);
