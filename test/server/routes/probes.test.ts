// /readyz reads the providers' health from this instance's background check, so no anonymous
// request reaches Pexip or Graph; every route, probes and pages included, has the per-IP limit;
// the metrics listener asks for its token when it has one.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadConfig } from "../../../src/server/config";
import { buildMetricsServer } from "../../../src/server/metrics-server";
import { startTestApp, testEnv, type TestApp } from "../support/test-app";

let t: TestApp;
let dist: string;
beforeAll(async () => {
  dist = mkdtempSync(path.join(tmpdir(), "svm-probes-"));
  writeFileSync(path.join(dist, "taskpane.html"), "<!doctype html><title>pane</title>");
  t = await startTestApp({
    env: { STATIC_DIR: dist, READINESS_CHECK_SECONDS: "1", RATE_LIMIT_PER_IP: "30" },
  });
});
afterAll(async () => {
  await t.close();
  rmSync(dist, { recursive: true, force: true });
});

let ip = 1;
const readyz = () =>
  t.app.inject({ method: "GET", url: "/readyz", remoteAddress: `10.9.0.${ip++}` });

/** Asks /readyz (from fresh addresses) until `wanted` answers; the check runs every second. */
async function readyzUntil(wanted: number) {
  let answer = await readyz();
  await vi.waitUntil(async () => (answer = await readyz()).statusCode === wanted, {
    timeout: 15_000,
    interval: 50,
  });
  return answer;
}

describe("readiness", () => {
  it("follows the background check: a Pexip outage turns it 503, recovery back to 200", async () => {
    expect((await readyz()).json()).toEqual({
      status: "ready",
      checks: { database: "ok", pexip: "ok", teams: "ok" },
    });
    await t.emu.pexip.faults.add({ route: "*", status: 503 });
    const down = await readyzUntil(503);
    expect(down.json()).toMatchObject({ status: "not ready", checks: { pexip: "failed" } });
    t.emu.pexip.faults.clear();
    const up = await readyzUntil(200);
    expect(up.json().checks).toEqual({ database: "ok", pexip: "ok", teams: "ok" });
  });

  it("calls no provider for any number of anonymous requests", async () => {
    // Long interval: only a request could cause a call now, and none may.
    const quiet = await startTestApp({
      emulators: t.emu,
      env: { READINESS_CHECK_SECONDS: "3600" },
    });
    const before = t.emu.pexip.apiRequests();
    for (let i = 0; i < 200; i++)
      expect((await quiet.app.inject({ method: "GET", url: "/readyz" })).statusCode).toBe(200);
    expect(t.emu.pexip.apiRequests()).toBe(before);
    await quiet.close();
  });
});

describe("per-address limits", () => {
  it("apply to probes and pages as to the API", async () => {
    for (const url of ["/readyz", "/healthz", "/taskpane.html", "/no-such-page"]) {
      const from = `10.8.${ip++}.1`;
      const codes: number[] = [];
      for (let i = 0; i < 31; i++)
        codes.push((await t.app.inject({ method: "GET", url, remoteAddress: from })).statusCode);
      expect(codes.at(-1), url).toBe(429);
      expect(codes.slice(0, 30).includes(429), url).toBe(false);
    }
  });
});

describe("the metrics listener", () => {
  it("asks for its bearer token when one is set", async () => {
    const token = "m".repeat(40);
    const metrics = buildMetricsServer(t.app.metrics, { token });
    const none = await metrics.inject({ method: "GET", url: "/metrics" });
    expect(none.statusCode).toBe(401);
    expect(none.body).not.toContain("svm_");
    const wrong = await metrics.inject({
      method: "GET",
      url: "/metrics",
      headers: { authorization: `Bearer ${"x".repeat(40)}` },
    });
    expect(wrong.statusCode).toBe(401);
    const right = await metrics.inject({
      method: "GET",
      url: "/metrics",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(right.statusCode).toBe(200);
    expect(right.body).toContain("svm_http_requests_total");
    expect((await metrics.inject({ method: "GET", url: "/readyz" })).statusCode).toBe(404);
    await metrics.close();
  });

  it("is refused on every interface without a token, and on the public port", () => {
    expect(() => loadConfig(testEnv(t.emu, { METRICS_HOST: "0.0.0.0" }))).toThrow(/METRICS_HOST/);
    expect(() =>
      loadConfig(testEnv(t.emu, { METRICS_HOST: "0.0.0.0", METRICS_TOKEN: "t".repeat(32) })),
    ).not.toThrow();
    expect(() =>
      loadConfig(
        testEnv(t.emu, {
          PORT: "8080",
          HOST: "10.0.0.5",
          METRICS_PORT: "8080",
          METRICS_HOST: "10.0.0.5",
        }),
      ),
    ).toThrow(/METRICS_PORT/);
    expect(() => loadConfig(testEnv(t.emu, { METRICS_TOKEN: "short" }))).toThrow(/METRICS_TOKEN/);
  });
});
