// Server-Timing (SERVER_TIMING=true): how long a request waited for providers, and in all.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/test-app";

let t: TestApp;
let plain: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { SERVER_TIMING: "true" } });
  plain = await startTestApp({ emulators: t.emu });
});
afterAll(async () => {
  await plain.close();
  await t.close();
});

function timing(header: unknown): { provider: number; app: number } {
  const match = /^provider;dur=([\d.]+), app;dur=([\d.]+)$/.exec(String(header));
  expect(match, `Server-Timing: ${String(header)}`).not.toBeNull();
  return { provider: Number(match![1]), app: Number(match![2]) };
}

function create(app: TestApp, token: string) {
  const start = new Date(Date.now() + 24 * 3_600_000);
  return app.app.inject({
    method: "POST",
    url: "/api/v1/meetings",
    headers: { authorization: `Bearer ${token}` },
    payload: {
      type: "care",
      start: start.toISOString(),
      end: new Date(start.getTime() + 3_600_000).toISOString(),
    },
  });
}

describe("Server-Timing", () => {
  it("counts this request's provider time only, inside its total", async () => {
    const token = await t.token("anna");
    await t.emu.pexip.faults.add({ route: "POST /", latencyMs: 150, count: 1 });
    const [slow, other] = await Promise.all([
      create(t, token),
      t.app.inject({ method: "GET", url: "/api/v1/meeting-types" }),
    ]);
    t.emu.pexip.reset();
    expect(slow.statusCode).toBe(201);
    const created = timing(slow.headers["server-timing"]);
    expect(created.provider).toBeGreaterThanOrEqual(150);
    expect(created.app).toBeGreaterThanOrEqual(created.provider);
    // Answered while the create waited for Pexip, without calling a provider itself.
    expect(timing(other.headers["server-timing"]).provider).toBe(0);
  });

  it("shows that readiness calls no provider (it reads the background check)", async () => {
    const ready = await t.app.inject({ method: "GET", url: "/readyz" });
    expect(ready.statusCode).toBe(200);
    expect(timing(ready.headers["server-timing"]).provider).toBe(0);
  });

  it("is not sent unless configured", async () => {
    const res = await create(plain, await plain.token("anna"));
    expect(res.statusCode).toBe(201);
    expect(res.headers["server-timing"]).toBeUndefined();
  });
});
