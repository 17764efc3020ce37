// Sane horizons and the per-user quota, on SQLite and PostgreSQL: a series ten years long, a
// meeting years ahead or longer than a day is refused with a message that names the limit; a
// user holding the policy's number of upcoming bookings gets 429 quota_exceeded, while a repeat
// of an accepted create still gets its booking back.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CreateMeetingResponse, DEFAULT_POLICY } from "../../../src/shared";
import { startTestApp, type TestApp } from "../support/test-app";
import { STORE_KINDS } from "../support/test-store";

const hour = 3_600_000;
const day = 24 * hour;
const POLICY = {
  ...DEFAULT_POLICY,
  limits: { ...DEFAULT_POLICY.limits, maxLiveBookingsPerUser: 3 },
};

describe.each(STORE_KINDS)("horizons and quota on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      store: kind,
      env: { RATE_LIMIT_PER_USER: "1000", POLICY_FILE: "/policy.json" },
      readFile: () => JSON.stringify(POLICY),
    });
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    t.emu.pexip.reset();
    await t.store.db.deleteFrom("idempotency_records").execute();
    await t.store.db.deleteFrom("bookings").execute();
  });

  const window = (startInMs: number, lengthMs = hour, seriesEndInMs?: number) => {
    const now = Date.now();
    return {
      type: "care",
      start: new Date(now + startInMs).toISOString(),
      end: new Date(now + startInMs + lengthMs).toISOString(),
      ...(seriesEndInMs === undefined
        ? {}
        : { seriesEnd: new Date(now + seriesEndInMs).toISOString() }),
    };
  };
  const create = async (body: object, user = "anna", key: string = randomUUID(), language = "sv") =>
    t.app.inject({
      method: "POST",
      url: "/api/v1/meetings",
      headers: {
        authorization: `Bearer ${await t.token(user)}`,
        "idempotency-key": key,
        "accept-language": language,
      },
      payload: body,
    });
  const error = (res: { json(): unknown }) =>
    (res.json() as { error: { code: string; message: string; retryable?: boolean } }).error;

  it.each([
    ["a series ending ten years ahead", window(day, hour, 3650 * day), "400 dagar"],
    ["a series ending 401 days ahead", window(day, hour, 401 * day), "400 dagar"],
    ["a meeting three years ahead", window(3 * 365 * day), "730 dagar"],
    ["a meeting 25 hours long", window(day, 25 * hour), "24 timmar"],
  ])("refuses %s with 400 and a message naming the limit", async (_, body, words) => {
    const res = await create(body);
    expect(res.statusCode).toBe(400);
    expect(error(res)).toMatchObject({ code: "validation_failed" });
    expect(error(res).message).toContain(words);
    expect(t.emu.pexip.state().conferences).toHaveLength(0);
  });

  it("answers in English when asked", async () => {
    const res = await create(window(day, hour, 3650 * day), "anna", randomUUID(), "en");
    expect(error(res).message).toContain("at most 400 days ahead");
  });

  it("accepts what lies within them", async () => {
    expect((await create(window(day, hour, 399 * day))).statusCode).toBe(201);
    expect((await create(window(700 * day))).statusCode).toBe(201);
    expect((await create(window(day, 24 * hour))).statusCode).toBe(201);
  });

  it("refuses a change of times beyond them", async () => {
    const made = CreateMeetingResponse.parse((await create(window(day))).json());
    const res = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/meetings/${made.booking.id}`,
      headers: {
        authorization: `Bearer ${await t.token("anna")}`,
        "x-manage-key": made.manageKey,
      },
      payload: { seriesEnd: new Date(Date.now() + 3650 * day).toISOString() },
    });
    expect(res.statusCode).toBe(400);
    expect(error(res).message).toContain("400 dagar");
  });

  it("holds a user to the policy's number of live bookings, never refusing a replay", async () => {
    const first = randomUUID();
    const firstBody = window(day);
    expect((await create(firstBody, "quota-anna", first)).statusCode).toBe(201);
    for (const key of [randomUUID(), randomUUID()])
      expect((await create(window(day), "quota-anna", key)).statusCode).toBe(201);
    const refused = await create(window(day), "quota-anna");
    expect(refused.statusCode).toBe(429);
    expect(error(refused)).toMatchObject({ code: "quota_exceeded", retryable: false });
    expect(error(refused).message).toContain("3 kommande bokningar");
    expect(t.emu.pexip.state().conferences).toHaveLength(3);

    const replay = await create(firstBody, "quota-anna", first);
    expect(replay.statusCode).toBe(201);
    expect(replay.headers["idempotent-replayed"]).toBe("true");
    // Another user is not affected.
    expect((await create(window(day), "quota-karl")).statusCode).toBe(201);

    // A removed booking no longer counts.
    const made = CreateMeetingResponse.parse(replay.json());
    const removed = await t.app.inject({
      method: "DELETE",
      url: `/api/v1/meetings/${made.booking.id}`,
      headers: {
        authorization: `Bearer ${await t.token("quota-anna")}`,
        "x-manage-key": made.manageKey,
      },
    });
    expect(removed.statusCode).toBe(204);
    expect((await create(window(day), "quota-anna")).statusCode).toBe(201);
  });
});
