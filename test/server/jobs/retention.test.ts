// The retention job and removal, on SQLite and PostgreSQL, with a clock the test moves: the
// manageKey's replay copy lives for the replay window only (and not past a removal), a host PIN
// until the meeting has ended, a removed booking's row for the policy's retention.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CreateMeetingResponse } from "../../../src/shared";
import { runRetention } from "../../../src/server/jobs/retention.job";
import { startTestApp, type TestApp } from "../support/test-app";
import { STORE_KINDS } from "../support/test-store";

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
const REPLAY = { replayWindowMs: 15 * minute };

describe.each(STORE_KINDS)("retention on %s", (kind) => {
  let now = Date.now();
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      store: kind,
      env: { RATE_LIMIT_PER_USER: "1000" },
      app: { clock: () => new Date(now) },
    });
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    now = Date.now();
    t.emu.pexip.reset();
    await t.store.db.deleteFrom("idempotency_records").execute();
    await t.store.db.deleteFrom("bookings").execute();
  });

  const body = () => ({
    type: "care",
    start: new Date(now + hour).toISOString(),
    end: new Date(now + 2 * hour).toISOString(),
  });
  async function book(key: string = randomUUID(), payload: object = body()) {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/meetings",
      headers: { authorization: `Bearer ${await t.token("anna")}`, "idempotency-key": key },
      payload,
    });
    expect(res.statusCode).toBe(201);
    return {
      made: CreateMeetingResponse.parse(res.json()),
      replayed: res.headers["idempotent-replayed"],
    };
  }
  const records = () => t.store.db.selectFrom("idempotency_records").selectAll().execute();
  const row = (id: string) =>
    t.store.db.selectFrom("bookings").selectAll().where("id", "=", id).executeTakeFirst();
  const retention = () => runRetention(t.app.bookingDeps, REPLAY);

  it("keeps the sealed manageKey for the replay window, then deletes it", async () => {
    const key = randomUUID();
    const payload = body();
    const { made } = await book(key, payload);
    expect((await records())[0]?.manage_key_enc).not.toBeNull();
    now += 10 * minute;
    expect((await retention()).replayCopies).toBe(0);
    const again = await book(key, payload);
    expect(again.replayed).toBe("true");
    expect(again.made.manageKey).toBe(made.manageKey);
    now += 6 * minute;
    expect((await retention()).replayCopies).toBe(1);
    expect(await records()).toEqual([]);
    // The booking itself is untouched.
    expect((await row(made.booking.id))?.lifecycle).toBe("active");
  });

  it("deletes the replay copy when the booking is removed", async () => {
    const { made } = await book();
    expect(await records()).toHaveLength(1);
    const removed = await t.app.inject({
      method: "DELETE",
      url: `/api/v1/meetings/${made.booking.id}`,
      headers: { authorization: `Bearer ${await t.token("anna")}`, "x-manage-key": made.manageKey },
    });
    expect(removed.statusCode).toBe(204);
    expect(await records()).toEqual([]);
    expect((await row(made.booking.id))?.host_secret).toBeNull();
  });

  it("keeps the host PIN until the meeting has ended, then drops it", async () => {
    const { made } = await book();
    expect((await row(made.booking.id))?.host_secret).not.toBeNull();
    now += 90 * minute; // the meeting is running
    expect((await retention()).hostSecrets).toBe(0);
    expect((await row(made.booking.id))?.host_secret).not.toBeNull();
    now += hour; // it ended half an hour ago
    expect((await retention()).hostSecrets).toBe(1);
    expect((await row(made.booking.id))?.host_secret).toBeNull();
  });

  it("purges a removed booking's row after the policy's retention (90 days), not before", async () => {
    const { made } = await book();
    const kept = await book();
    await t.app.inject({
      method: "DELETE",
      url: `/api/v1/meetings/${made.booking.id}`,
      headers: { authorization: `Bearer ${await t.token("anna")}`, "x-manage-key": made.manageKey },
    });
    now += 89 * day;
    expect((await retention()).removedBookings).toBe(0);
    expect((await row(made.booking.id))?.lifecycle).toBe("removed");
    now += 2 * day;
    expect((await retention()).removedBookings).toBe(1);
    expect(await row(made.booking.id)).toBeUndefined();
    // An active booking is never purged, however old.
    expect((await row(kept.made.booking.id))?.lifecycle).toBe("active");
  });
});
