// Idempotency-Key on create, on SQLite and PostgreSQL: the same key from the same user returns
// the same booking, also while the first request is still running.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { CreateMeetingResponse } from "../../../src/shared";
import { expectConsistent } from "../support/consistency";
import { startTestApp, type TestApp } from "../support/test-app";
import { STORE_KINDS } from "../support/test-store";

const hour = 3_600_000;
const start = new Date(Date.now() + 24 * hour);
start.setUTCMinutes(0, 0, 0);
const BODY = {
  type: "care",
  start: start.toISOString(),
  end: new Date(start.getTime() + hour).toISOString(),
};

describe.each(STORE_KINDS)("Idempotency-Key on %s", (kind) => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp({ store: kind, env: { RATE_LIMIT_PER_USER: "1000" } });
    token = await t.token("anna");
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    t.emu.pexip.reset();
    await t.store.db.deleteFrom("bookings").execute();
  });

  const create = (key: string, body: object = BODY, bearer = token) =>
    t.app.inject({
      method: "POST",
      url: "/api/v1/meetings",
      headers: { authorization: `Bearer ${bearer}`, "idempotency-key": key },
      payload: body,
    });

  it("50 concurrent creates with one key make one booking and one VMR", async () => {
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 50 }, () => create(key)));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(50).fill(201));
    const bodies = answers.map((a) => CreateMeetingResponse.parse(a.json()));
    expect(new Set(bodies.map((b) => b.booking.id)).size).toBe(1);
    expect(new Set(bodies.map((b) => b.manageKey)).size).toBe(1);
    expect(answers.filter((a) => a.headers["idempotent-replayed"] === "true")).toHaveLength(49);
    expect(t.emu.pexip.state().conferences).toHaveLength(1);
    const rows = await t.store.db
      .selectFrom("bookings")
      .select("id")
      .where("id", "=", bodies[0]!.booking.id)
      .execute();
    expect(rows).toHaveLength(1);
    await expectConsistent(t.store.db, t.emu.pexip);
  });

  it("a repeat while the first is still waiting for Pexip gets the same booking", async () => {
    await t.emu.pexip.faults.add({
      route: "POST /api/admin/configuration/v1/conference/",
      latencyMs: 1_000,
      count: 1,
    });
    const key = randomUUID();
    const first = create(key);
    // Pexip holds the first create's POST once its fault has fired (a count-1 fault is then gone).
    await vi.waitUntil(() => t.emu.pexip.faults.list().length === 0, { timeout: 10_000 });
    const second = await create(key);
    const a = CreateMeetingResponse.parse((await first).json());
    const b = CreateMeetingResponse.parse(second.json());
    expect(b.booking.id).toBe(a.booking.id);
    expect(b.manageKey).toBe(a.manageKey);
    expect(t.emu.pexip.state().conferences).toHaveLength(1);
  });

  it("the same key with a different body is a 409 idempotency_conflict", async () => {
    const key = randomUUID();
    expect((await create(key)).statusCode).toBe(201);
    const other = await create(key, { ...BODY, type: "information" });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe("idempotency_conflict");
    // The language of the answer is not part of the request's identity.
    expect((await create(key, { ...BODY, locale: "en" })).statusCode).toBe(201);
  });

  it("the same key from another user is another booking", async () => {
    const key = randomUUID();
    const a = CreateMeetingResponse.parse((await create(key)).json());
    const b = CreateMeetingResponse.parse((await create(key, BODY, await t.token("karl"))).json());
    expect(b.booking.id).not.toBe(a.booking.id);
  });

  it("after a failed attempt the same key may try again", async () => {
    await t.emu.pexip.faults.add({
      route: "POST /api/admin/configuration/v1/conference/",
      status: 403,
      count: 1,
    });
    const key = randomUUID();
    const failed = await create(key);
    expect(failed.statusCode).toBe(502);
    const retried = await create(key);
    expect(retried.statusCode).toBe(201);
    expect(retried.headers["idempotent-replayed"]).toBeUndefined();
    expect(t.emu.pexip.state().conferences).toHaveLength(1);
    await expectConsistent(t.store.db, t.emu.pexip);
  });

  it("never stores the manageKey in the clear", async () => {
    const key = randomUUID();
    const body = CreateMeetingResponse.parse((await create(key)).json());
    const rec = await t.store.db
      .selectFrom("idempotency_records")
      .selectAll()
      .where("booking_id", "=", body.booking.id)
      .executeTakeFirstOrThrow();
    const row = await t.store.db
      .selectFrom("bookings")
      .selectAll()
      .where("id", "=", body.booking.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(rec)).not.toContain(body.manageKey);
    expect(JSON.stringify(row)).not.toContain(body.manageKey);
    expect(JSON.stringify(row)).not.toContain(t.emu.pexip.state().conferences[0]!.pin);
  });
});
