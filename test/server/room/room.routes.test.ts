// The waiting room through the real service, the real Pexip provider and the Pexip emulator's
// scripted callers: the view, the stream, "Släpp in", who may see it, and that a guest's
// display name reaches the pane and nothing else (database, logs at trace level, metrics).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import {
  AdmitResponse,
  CreateMeetingResponse,
  DEFAULT_POLICY,
  RoomView,
} from "../../../src/shared";
import { startTestApp, type TestApp } from "../support/test-app";

const NAME = "Tolvan Tolvansson";
const NAME_PARTS = ["Tolvan", "Tolvansson"];

let t: TestApp;
let token: string;
let base: string;
beforeAll(async () => {
  t = await startTestApp({
    env: { LOG_LEVEL: "trace", ROOM_POLL_SECONDS: "1", RATE_LIMIT_PER_USER: "1000" },
  });
  token = await t.token("anna");
  base = await t.app.listen({ port: 0, host: "127.0.0.1" });
});
afterAll(async () => {
  // Node's fetch may leave a connection open to the listening service that never carried a
  // request (after a stream was aborted); close() would wait for it until the client lets go.
  const closing = t.close();
  t.app.server.closeAllConnections();
  await closing;
});

const hour = 3_600_000;
function window() {
  const start = new Date(Date.now() + hour);
  start.setUTCMinutes(0, 0, 0);
  return { start: start.toISOString(), end: new Date(start.getTime() + hour).toISOString() };
}

async function book(type = "care") {
  const res = await t.app.inject({
    method: "POST",
    url: "/api/v1/meetings",
    headers: { authorization: `Bearer ${token}` },
    payload: { type, ...window() },
  });
  expect(res.statusCode).toBe(201);
  return CreateMeetingResponse.parse(res.json());
}

async function room(
  id: string,
  key: string | undefined,
  method: "GET" | "POST" = "GET",
  path = "",
  payload?: Record<string, unknown>,
) {
  return t.app.inject({
    method,
    url: `/api/v1/meetings/${id}/room${path}`,
    headers: { authorization: `Bearer ${token}`, ...(key ? { "x-manage-key": key } : {}) },
    payload,
  });
}

function joinGuest(alias: string, displayName = NAME) {
  const joined = t.emu.pexip.join({ alias, displayName, role: "guest" });
  if (!joined.ok) throw new Error(joined.reason);
  return joined.participant;
}

/** Reads a server-sent event stream until `until` accepts a view. */
async function streamUntil(
  id: string,
  key: string,
  until: (view: RoomView) => boolean,
): Promise<RoomView> {
  const controller = new AbortController();
  const res = await fetch(`${base}/api/v1/meetings/${id}/room/events`, {
    headers: { authorization: `Bearer ${token}`, "x-manage-key": key },
    signal: controller.signal,
  });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/event-stream");
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error("stream ended");
      buffer += value;
      let cut: number;
      while ((cut = buffer.indexOf("\n\n")) >= 0) {
        const frame = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const data = /^data: (.*)$/m.exec(frame)?.[1];
        if (/^event: room$/m.test(frame) && data) {
          const view = RoomView.parse(JSON.parse(data));
          if (until(view)) return view;
        }
      }
    }
  } finally {
    controller.abort();
  }
}

describe("waiting room", () => {
  it("shows a waiting patient by initials, streams it, and lets them in", async () => {
    const made = await book();
    const alias = made.booking.join.alias!;
    const key = made.manageKey;
    const id = made.booking.id;

    const empty = RoomView.parse((await room(id, key)).json());
    expect(empty).toMatchObject({ handledBy: "service", state: "empty", waiting: [] });
    expect(empty.handledBy === "service" && empty.counts).toEqual({
      waiting: 0,
      guests: 0,
      hosts: 0,
      limit: 15,
    });

    const guest = joinGuest(alias);
    const streamed = await streamUntil(
      id,
      key,
      (v) => v.handledBy === "service" && v.state === "waiting",
    );
    if (streamed.handledBy !== "service") throw new Error("not a service view");
    expect(streamed.counts.waiting).toBe(1);
    const [waiting] = streamed.waiting;
    expect(waiting).toMatchObject({ initials: "TT" });
    expect(waiting).not.toHaveProperty("displayName");
    expect(waiting!.id).not.toContain(guest.id);
    expect(JSON.stringify(streamed)).not.toContain(guest.id);

    const admitted = await room(id, key, "POST", "/admit", { participantId: waiting!.id });
    expect(admitted.statusCode).toBe(200);
    expect(AdmitResponse.parse(admitted.json())).toEqual({ admitted: 1 });
    const call = t.emu.pexip
      .state()
      .live.flatMap((c) => c.participants)
      .find((p) => p.id === guest.id);
    expect(call).toMatchObject({ is_on_hold: false, has_media: true });

    const after = await streamUntil(
      id,
      key,
      (v) => v.handledBy === "service" && v.state === "in_progress",
    );
    expect(after.handledBy === "service" && after.counts).toMatchObject({ waiting: 0, guests: 1 });

    const again = await room(id, key, "POST", "/admit", { participantId: waiting!.id });
    expect(again.statusCode).toBe(404);
    t.emu.pexip.leave(guest.id);
  });

  it("lets everyone waiting in with {all: true}", async () => {
    const made = await book();
    const alias = made.booking.join.alias!;
    joinGuest(alias, "Anna Andersson");
    joinGuest(alias, "Bo Berg");
    await streamUntil(
      made.booking.id,
      made.manageKey,
      (v) => v.handledBy === "service" && v.counts.waiting === 2,
    );
    const res = await room(made.booking.id, made.manageKey, "POST", "/admit", { all: true });
    expect(AdmitResponse.parse(res.json())).toEqual({ admitted: 2 });
    const held = t.emu.pexip
      .state()
      .live.flatMap((c) => c.participants)
      .filter((p) => p.is_on_hold);
    expect(held).toEqual([]);
  });

  it("shows nothing without the booking's manageKey, the same as for no booking", async () => {
    const made = await book();
    joinGuest(made.booking.join.alias!, NAME);
    const noKey = await room(made.booking.id, undefined);
    const wrongKey = await room(made.booking.id, "W".repeat(43));
    const noBooking = await room("00000000-0000-4000-8000-000000000000", made.manageKey);
    for (const res of [noKey, wrongKey, noBooking]) {
      expect(res.statusCode).toBe(403);
      expect(res.body).toBe(noKey.body);
      expect(res.body).not.toContain("Tolvan");
    }
    const stream = await fetch(`${base}/api/v1/meetings/${made.booking.id}/room/events`, {
      headers: { authorization: `Bearer ${token}`, "x-manage-key": "W".repeat(43) },
    });
    expect(stream.status).toBe(403);
    const admit = await room(made.booking.id, "W".repeat(43), "POST", "/admit", { all: true });
    expect(admit.statusCode).toBe(403);
    const unsigned = await t.app.inject({
      method: "GET",
      url: `/api/v1/meetings/${made.booking.id}/room`,
      headers: { "x-manage-key": made.manageKey },
    });
    expect(unsigned.statusCode).toBe(401);
    expect(
      t.emu.pexip
        .state()
        .live.flatMap((c) => c.participants)
        .some((p) => p.is_on_hold),
    ).toBe(true);
  });

  it("says that a Teams meeting's lobby is handled in Teams", async () => {
    const made = await book("information");
    expect(RoomView.parse((await room(made.booking.id, made.manageKey)).json())).toEqual({
      handledBy: "teams",
    });
    const admit = await room(made.booking.id, made.manageKey, "POST", "/admit", { all: true });
    expect(admit.statusCode).toBe(409);
  });

  it("refuses a malformed admit body", async () => {
    const made = await book();
    for (const payload of [{}, { all: false }, { participantId: "x" }, { all: true, extra: 1 }]) {
      const res = await room(made.booking.id, made.manageKey, "POST", "/admit", payload);
      expect(res.statusCode).toBe(400);
    }
  });

  it("says in the OpenAPI document that display names are never kept", async () => {
    const doc = JSON.stringify(
      (await t.app.inject({ method: "GET", url: "/openapi.json" })).json(),
    );
    expect(doc).toContain("/api/v1/meetings/{id}/room/admit");
    expect(doc).toMatch(/never stored, logged/);
  });

  it("answers 503 when Pexip does not answer, and the stream says unavailable", async () => {
    const made = await book();
    joinGuest(made.booking.join.alias!);
    await t.emu.pexip.faults.add({ route: "GET /api/admin/status", status: 503 });
    try {
      const res = await room(made.booking.id, made.manageKey);
      expect(res.statusCode).toBe(503);
      expect(res.body).not.toContain("Tolvan");
      const controller = new AbortController();
      const stream = await fetch(`${base}/api/v1/meetings/${made.booking.id}/room/events`, {
        headers: { authorization: `Bearer ${token}`, "x-manage-key": made.manageKey },
        signal: controller.signal,
      });
      const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
      let text = "";
      try {
        while (!text.includes("event: unavailable")) text += (await reader.read()).value ?? "";
      } finally {
        controller.abort();
      }
      expect(text).not.toContain("Tolvan");
    } finally {
      t.emu.pexip.faults.clear();
    }
  });

  it("lets another instance admit by the id this one gave (same keys, same ids)", async () => {
    const second = await startTestApp({
      emulators: t.emu,
      store: t.store,
      env: { ROOM_POLL_SECONDS: "1" },
    });
    try {
      const made = await book();
      const guest = joinGuest(made.booking.join.alias!);
      const view = RoomView.parse((await room(made.booking.id, made.manageKey)).json());
      const id = view.handledBy === "service" ? view.waiting[0]!.id : "";
      const res = await second.app.inject({
        method: "POST",
        url: `/api/v1/meetings/${made.booking.id}/room/admit`,
        headers: { authorization: `Bearer ${token}`, "x-manage-key": made.manageKey },
        payload: { participantId: id },
      });
      expect(AdmitResponse.parse(res.json())).toEqual({ admitted: 1 });
      const call = t.emu.pexip
        .state()
        .live.flatMap((c) => c.participants)
        .find((p) => p.id === guest.id);
      expect(call?.is_on_hold).toBe(false);
    } finally {
      await second.close();
    }
  });

  it("gives the display name when the type's policy says names", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "svm-room-policy-"));
    const policy = JSON.parse(JSON.stringify(DEFAULT_POLICY)) as {
      types: Array<{ id: string; pexip?: { waitingRoomNames: string } }>;
    };
    policy.types.find((type) => type.id === "care")!.pexip!.waitingRoomNames = "names";
    const file = path.join(dir, "policy.json");
    writeFileSync(file, JSON.stringify(policy));
    const named = await startTestApp({ emulators: t.emu, env: { POLICY_FILE: file } });
    try {
      const user = await named.token("anna");
      const res = await named.app.inject({
        method: "POST",
        url: "/api/v1/meetings",
        headers: { authorization: `Bearer ${user}` },
        payload: { type: "care", ...window() },
      });
      const made = CreateMeetingResponse.parse(res.json());
      joinGuest(made.booking.join.alias!, "Bo Berg");
      const view = RoomView.parse(
        (
          await named.app.inject({
            method: "GET",
            url: `/api/v1/meetings/${made.booking.id}/room`,
            headers: { authorization: `Bearer ${user}`, "x-manage-key": made.manageKey },
          })
        ).json(),
      );
      expect(view).toMatchObject({ names: "names", waiting: [{ displayName: "Bo Berg" }] });
      expect(named.logs()).not.toContain("Bo Berg");
    } finally {
      await named.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // Last: it looks at everything the flows above left behind.
  it("never lets a display name reach the database, a log line (trace level) or the metrics", async () => {
    const tables = ["bookings", "audit_events", "idempotency_keys", "job_leases"];
    const existing = await sql<{
      name: string;
    }>`select name from sqlite_master where type = 'table'`.execute(t.store.db);
    const names = existing.rows.map((r) => r.name).filter((n) => !n.startsWith("sqlite_"));
    expect(names.length).toBeGreaterThanOrEqual(tables.filter((n) => names.includes(n)).length);
    let dump = "";
    for (const table of names) {
      const rows = await sql`select * from ${sql.table(table)}`.execute(t.store.db);
      dump += JSON.stringify(rows.rows);
    }
    expect(dump).toContain("care");
    const logs = t.logs();
    expect(logs).toMatch(/"level":10|"level":20/);
    const metrics = await t.app.metrics.registry.metrics();
    expect(metrics).toContain('operation="status"');
    for (const part of [NAME, ...NAME_PARTS, "Anna Andersson", "Bo Berg", "Andersson", "Berg"]) {
      expect(dump).not.toContain(part);
      expect(logs).not.toContain(part);
      expect(metrics).not.toContain(part);
    }
  });
});
