// The production build (`node dist/server/server.js`, NODE_ENV=production) in a child process
// against the emulators: what anyone on the network can reach must cost nothing upstream, serve
// nothing but the add-in's files, and keep personal data out of the keys it stores.
import { randomUUID } from "node:crypto";
import { request as httpRequest } from "node:http";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "../../src/shared";
import {
  type ProductionServer,
  productionEnv,
  runUntilExit,
  startProductionServer,
} from "./support/production-child";
import { type Emulators, startTestEmulators } from "./support/test-app";

const hour = 3_600_000;

let emu: Emulators;
let server: ProductionServer;
let dataDir: string;

beforeAll(async () => {
  emu = await startTestEmulators();
  dataDir = mkdtempSync(path.join(tmpdir(), "svm-prod-"));
  // The built-in policy with a quota small enough to reach in a test.
  const policyFile = path.join(dataDir, "policy.json");
  writeFileSync(
    policyFile,
    JSON.stringify({
      ...DEFAULT_POLICY,
      limits: { ...DEFAULT_POLICY.limits, maxLiveBookingsPerUser: 3 },
    }),
  );
  server = await startProductionServer(
    productionEnv(emu, {
      SQLITE_PATH: path.join(dataDir, "bookings.sqlite"),
      POLICY_FILE: policyFile,
    }),
  );
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await emu?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** GET with the path sent byte for byte (fetch would normalise `\`, `.` and `..` first). */
function rawGet(base: string, rawPath: string): Promise<{ status: number; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, path: rawPath, method: "GET" },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

describe("the production build's probes", () => {
  it("answers 1,000 anonymous /readyz with at most a handful of upstream calls", async () => {
    const pexipBefore = emu.pexip.apiRequests();
    const graphBefore = emu.graph.apiRequests();
    const statuses: number[] = [];
    for (let batch = 0; batch < 50; batch++) {
      const answers = await Promise.all(
        Array.from({ length: 20 }, () => fetch(`${server.url}/readyz`)),
      );
      for (const answer of answers) {
        statuses.push(answer.status);
        await answer.body?.cancel();
      }
    }
    const pexipCalls = emu.pexip.apiRequests() - pexipBefore;
    const graphCalls = emu.graph.apiRequests() - graphBefore;
    expect(statuses.filter((s) => s === 200)).toHaveLength(1000);
    // Only the background check (one per provider every 15 s) may have run meanwhile.
    expect(pexipCalls).toBeLessThanOrEqual(3);
    expect(graphCalls).toBeLessThanOrEqual(6);
  });

  it("serves /metrics on its own loopback listener, not on the public port", async () => {
    expect(new URL(server.metricsUrl).hostname).toBe("127.0.0.1");
    expect(new URL(server.metricsUrl).port).not.toBe(new URL(server.url).port);
    const pub = await fetch(`${server.url}/metrics`);
    expect(pub.status).toBe(404);
    expect(await pub.text()).not.toContain("svm_");
    const own = await fetch(server.metricsUrl);
    expect(own.status).toBe(200);
    expect(await own.text()).toMatch(/svm_http_requests_total\{method="GET",route="\/readyz"/);
  });
});

describe("the production build's files", () => {
  it("serves the add-in's pages, bundles and icons", async () => {
    for (const file of [
      "/taskpane.html",
      "/commands.html",
      "/launchevent.js",
      "/assets/icon-32.png",
    ])
      expect((await rawGet(server.url, file)).status, file).toBe(200);
    const pane = (await rawGet(server.url, "/taskpane.html")).body;
    const bundle = /src="\/(taskpane\.[0-9a-f]{8}\.js)"/.exec(pane)?.[1];
    expect(bundle).toBeDefined();
    expect((await rawGet(server.url, `/${bundle}`)).status).toBe(200);
  });

  it("has no Swagger UI (a development aid): not served, not in the bundle or the manifest", async () => {
    for (const url of ["/docs", "/docs/", "/docs/json", "/docs/static/index.html"])
      expect((await rawGet(server.url, url)).status, url).toBe(404);
    const dist = fileURLToPath(new URL("../../dist/", import.meta.url));
    expect(readFileSync(path.join(dist, "server", "server.js"), "utf8")).not.toMatch(
      /["']@fastify\/swagger-ui["']/,
    );
    expect(readFileSync(path.join(dist, "manifest.xml"), "utf8")).not.toMatch(/swagger|\/docs\b/i);
  });

  it("answers 404 to every path trick, and never with the server bundle", async () => {
    const pane = (await rawGet(server.url, "/taskpane.html")).body;
    const bundle = /src="\/(taskpane\.[0-9a-f]{8}\.js)"/.exec(pane)?.[1] ?? "taskpane.js";
    const tricks = [
      "/server/server.js",
      "//server/server.js",
      "///server/server.js",
      "/%2Fserver/server.js",
      "/%2fserver%2fserver.js",
      "/server%2Fserver.js",
      "/assets/..%2Fserver/server.js",
      "/assets/%2e%2e/server/server.js",
      "/assets/%2E%2E/%2E%2E/package.json",
      "/%2e%2e/package.json",
      "/assets/%252e%252e/server/server.js",
      "/%252Fserver/server.js",
      "/assets%5C..%5Cserver%5Cserver.js",
      "/assets\\..\\server\\server.js",
      "/.\\server\\server.js",
      "/./taskpane.html",
      "/assets/./icon-32.png",
      "/assets//icon-32.png",
      "/taskpane.html%00.png",
      `/${bundle}.map`,
      "/taskpane.html.map",
      "/launchevent.js.map",
      "/harness.html",
      "/harness",
      "/harness/office.js",
      "/harness/harness.js",
      "/harness/taskpane.html",
      "/harness%2Eharness.html",
      "/.well-known/../server/server.js",
      "/.env",
      "/package.json",
      "/node_modules/fastify/package.json",
      "/server.js",
    ];
    for (const trick of tricks) {
      const answer = await rawGet(server.url, trick);
      expect(answer.status, trick).toBe(404);
      expect(answer.body, trick).not.toContain("registerPageRoutes");
    }
  });
});

describe("the production build's keys", () => {
  it("refuses an Idempotency-Key that is not a UUID v4/v7, and books nothing for it", async () => {
    const token = (await emu.entra.issueUserToken({ user: "anna" })).access_token;
    const start = new Date(Date.now() + 2 * hour);
    const body = JSON.stringify({
      type: "care",
      start: start.toISOString(),
      end: new Date(start.getTime() + hour).toISOString(),
    });
    const create = (key: string) =>
      fetch(`${server.url}/api/v1/meetings`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${token}`,
          "content-type": "application/json",
          "idempotency-key": key,
        },
        body,
      });
    const before = emu.pexip.state().conferences.length;
    for (const key of [
      "19121212-1212",
      "191212121212",
      "701063-2391",
      "19121212-1212-19121212-1212",
      "c232ab00-9414-11ec-b3c8-9f6bdeced846", // a UUID v1: time and MAC address, not random
      "00000000-0000-0000-0000-000000000000",
    ]) {
      const answer = await create(key);
      expect(answer.status, key).toBe(400);
      const error = ((await answer.json()) as { error: { code: string; message: string } }).error;
      expect(error.code).toBe("validation_failed");
      expect(error.message).toContain("UUID");
    }
    expect(emu.pexip.state().conferences).toHaveLength(before);
    const ok = await create(randomUUID());
    expect(ok.status).toBe(201);
    expect(emu.pexip.state().conferences).toHaveLength(before + 1);
  });
});

describe("the production build's horizons and quota", () => {
  const create = async (user: string, body: object) =>
    fetch(`${server.url}/api/v1/meetings`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${(await emu.entra.issueUserToken({ user })).access_token}`,
        "content-type": "application/json",
        "idempotency-key": randomUUID(),
      },
      body: JSON.stringify(body),
    });
  const meeting = (startInMs: number, lengthMs = hour, seriesEnd?: number) => ({
    type: "care",
    start: new Date(Date.now() + startInMs).toISOString(),
    end: new Date(Date.now() + startInMs + lengthMs).toISOString(),
    ...(seriesEnd === undefined
      ? {}
      : { seriesEnd: new Date(Date.now() + seriesEnd).toISOString() }),
  });

  it("refuses a series ten years long, a meeting three years ahead and one of 25 hours", async () => {
    const day = 24 * hour;
    for (const [body, words] of [
      [meeting(day, hour, 3650 * day), "400 dagar"],
      [meeting(3 * 365 * day), "730 dagar"],
      [meeting(day, 25 * hour), "24 timmar"],
    ] as const) {
      const answer = await create("prod-horizon", body);
      expect(answer.status).toBe(400);
      expect(((await answer.json()) as { error: { message: string } }).error.message).toContain(
        words,
      );
    }
  });

  it("answers 429 quota_exceeded past the policy's live bookings per user", async () => {
    for (let i = 0; i < 3; i++)
      expect((await create("prod-quota", meeting(hour))).status).toBe(201);
    const refused = await create("prod-quota", meeting(hour));
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
      "quota_exceeded",
    );
  });
});

describe("the production build's configuration", () => {
  it.each([
    ["ENTRA_JWKS_URL", { ENTRA_JWKS_URL: "http://login.region.example/keys" }],
    ["ENTRA_AUTHORITY_HOST", { ENTRA_AUTHORITY_HOST: "http://login.region.example" }],
    ["PEXIP_MANAGEMENT_URL", { PEXIP_MANAGEMENT_URL: "http://pexmgr.region.example" }],
    ["PEXIP_NODE_URL", { PEXIP_NODE_URL: "http://vmr.region.example" }],
    ["GRAPH_URL", { GRAPH_URL: "http://graph.region.example/v1.0" }],
    ["GRAPH_AUTHORITY_URL", { GRAPH_AUTHORITY_URL: "http://login.region.example" }],
    ["MANAGE_KEY_HMAC_SECRET", { MANAGE_KEY_HMAC_SECRET: "c2hvcnQta2V5" }],
    ["HOST_SECRET_KEY", { HOST_SECRET_KEY: Buffer.alloc(32, 0).toString("base64") }],
    ["CLIENT_SIGN_IN", { CLIENT_SIGN_IN: "emulator", EMULATOR_TOKEN_URL: "http://127.0.0.1:9/t" }],
    ["METRICS_HOST", { METRICS_HOST: "0.0.0.0" }],
  ])("refuses to start with an insecure %s, naming it", async (variable, change) => {
    const env = productionEnv(emu, {
      SQLITE_PATH: path.join(dataDir, "refused.sqlite"),
      ...change,
    });
    const { code, stderr, started } = await runUntilExit(env);
    expect(started, stderr).toBe(false);
    expect(code).toBe(1);
    expect(stderr).toContain(`${variable}:`);
    expect(stderr).not.toContain("    at "); // a sentence, not a stack trace
  });

  it("starts with the same settings once they are secure (the refusals are not blanket)", async () => {
    const env = productionEnv(emu, { SQLITE_PATH: path.join(dataDir, "accepted.sqlite") });
    const { started, stderr } = await runUntilExit(env);
    expect(started, stderr).toBe(true);
  });
});
