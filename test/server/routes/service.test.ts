// The routes around the booking API: meeting types, client config, OpenAPI, health, metrics,
// security headers, CORS, rate limits, and the add-in's pages with the manifest.
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import helmet from "@fastify/helmet";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClientConfig, MeetingTypesResponse } from "../../../src/shared";
import { API_HELMET, pageHelmet, registerSecurity } from "../../../src/server/web/security";
import { buildMetricsServer } from "../../../src/server/metrics-server";
import { startTestApp, type TestApp } from "../support/test-app";

const ORIGIN = "https://addin.region.example";
// An inline script as taskpane.html carries one (its "cannot start" fallback).
const PANE_SCRIPT = `<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script><script>
  window.svmBootFailed = function () {};
</script>`;
const PANE_SCRIPT_HASH = `'sha256-${createHash("sha256").update("\n  window.svmBootFailed = function () {};\n").digest("base64")}'`;
let t: TestApp;
let dist: string;
beforeAll(async () => {
  dist = mkdtempSync(path.join(tmpdir(), "svm-dist-"));
  writeFileSync(
    path.join(dist, "taskpane.html"),
    `<!doctype html><title>pane</title>${PANE_SCRIPT}`,
  );
  writeFileSync(path.join(dist, "taskpane.0123abcd.js"), "void 0;");
  writeFileSync(path.join(dist, "launchevent.js"), "void 0;");
  writeFileSync(
    path.join(dist, "manifest.xml"),
    readFileSync("manifest.xml", "utf8"), // built with the dev origin https://localhost:3000
  );
  mkdirSync(path.join(dist, "server"));
  writeFileSync(path.join(dist, "server", "server.js"), "secret source");
  t = await startTestApp({
    env: { STATIC_DIR: dist, RATE_LIMIT_PER_USER: "3", RATE_LIMIT_PER_IP: "40" },
  });
});
afterAll(async () => {
  await t.close();
  rmSync(dist, { recursive: true, force: true });
});

// Each test uses its own client address so the per-IP limit of one does not hit another.
let ip = 1;
const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: "GET", url, headers, remoteAddress: `10.0.0.${ip++}` });

describe("public routes", () => {
  it("meeting-types answers the policy's view without sign-in", async () => {
    const res = await get("/api/v1/meeting-types");
    expect(res.statusCode).toBe(200);
    const body = MeetingTypesResponse.parse(res.json());
    expect(body.types.map((type) => type.id)).toEqual(["care", "information", "internal"]);
    expect(body.types[0]!.label.sv).toBe("Vårdmöte patient");
    expect(res.body).not.toContain("cryptoMode");
  });

  it("client-config tells the pane how to sign in", async () => {
    const res = await get("/api/v1/client-config");
    const body = ClientConfig.parse(res.json());
    expect(body.signIn).toEqual({
      kind: "emulator",
      tokenUrl: `${t.emu.entra.url}/_emulator/users/token`,
      scopes: [`api://${t.emu.entra.apiAppId}/Meetings.ReadWrite`],
    });
    expect(body.apiBaseUrl).toBe("/api/v1");
    // Where join links may lead: the Pexip node of PEXIP_NODE_URL and Teams.
    expect(body.joinHosts).toEqual([new URL(t.emu.pexip.url).host, "teams.microsoft.com"]);
  });

  it("openapi.json documents every API route from the zod schemas", async () => {
    const doc = (await get("/openapi.json")).json();
    expect(doc.openapi).toBe("3.0.3");
    expect(Object.keys(doc.paths).sort()).toEqual([
      "/api/v1/client-config",
      "/api/v1/meeting-types",
      "/api/v1/meetings",
      "/api/v1/meetings/{id}",
      "/api/v1/meetings/{id}/change-type",
      "/api/v1/meetings/{id}/host",
      "/api/v1/meetings/{id}/room",
      "/api/v1/meetings/{id}/room/admit",
      "/api/v1/meetings/{id}/room/events",
    ]);
    const create = doc.paths["/api/v1/meetings"].post;
    expect(create.requestBody.content["application/json"].schema.properties.type.enum).toEqual([
      "care",
      "information",
      "internal",
    ]);
    expect(create.responses["201"]).toBeDefined();
    expect(create.parameters.map((p: { name: string }) => p.name)).toContain("idempotency-key");
  });

  it("openapi.json names only routes the service has, each with its security and answers", async () => {
    const doc = (await get("/openapi.json")).json() as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    for (const [docPath, operations] of Object.entries(doc.paths)) {
      const url = docPath.replace(/\{(\w+)\}/g, ":$1");
      for (const [method, operation] of Object.entries(operations)) {
        expect(t.app.hasRoute({ method: method.toUpperCase() as "GET", url }), docPath).toBe(true);
        expect(Object.keys(operation.responses).length, `${method} ${docPath}`).toBeGreaterThan(0);
      }
    }
    // What is not the booking API stays out of the document.
    expect(Object.keys(doc.paths).some((p) => !p.startsWith("/api/"))).toBe(false);
    expect(t.app.hasRoute({ method: "GET", url: "/healthz" })).toBe(true);
  });

  it("unknown routes get the JSON 404", async () => {
    const res = await get("/api/v1/nothing-here");
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("not_found");
  });
});

describe("health and metrics", () => {
  it("healthz is alive; readyz reports the database and the background provider check", async () => {
    expect((await get("/healthz")).json()).toEqual({ status: "ok" });
    const ready = await get("/readyz");
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({
      status: "ready",
      checks: { database: "ok", pexip: "ok", teams: "ok" },
    });
  });

  it("metrics are not on the public port; their own listener counts requests, provider calls and the backlog", async () => {
    await get("/api/v1/meeting-types");
    expect((await get("/metrics")).statusCode).toBe(404);
    const metrics = buildMetricsServer(t.app.metrics, { token: null });
    const text = (await metrics.inject({ method: "GET", url: "/metrics" })).body;
    await metrics.close();
    expect(text).toMatch(
      /svm_http_requests_total\{method="GET",route="\/api\/v1\/meeting-types",status="200"\} \d+/,
    );
    expect(text).toContain("svm_http_request_duration_seconds_bucket");
    expect(text).toMatch(
      /svm_provider_calls_total\{provider="pexip",operation="ping",outcome="ok"\} \d+/,
    );
    expect(text).toMatch(/svm_cleanup_backlog \d+/);
  });
});

describe("security headers and CORS", () => {
  it("the API may not be framed or embedded", async () => {
    const res = await get("/api/v1/meeting-types");
    expect(res.headers["content-security-policy"]).toContain("default-src 'none'");
    expect(res.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["strict-transport-security"]).toContain("max-age=");
    expect(res.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("the pages allow Office.js and framing by Outlook on the web, not X-Frame-Options", async () => {
    const res = await get("/taskpane.html");
    expect(res.statusCode).toBe(200);
    const csp = res.headers["content-security-policy"] as string;
    expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com");
    expect(csp).toContain("https://outlook.office.com");
    expect(csp).toContain("https://outlook.cloud.microsoft");
    expect(res.headers["x-frame-options"]).toBeUndefined();
    expect(res.headers["cross-origin-resource-policy"]).toBe("cross-origin");
  });

  it("are exactly what @fastify/helmet sets per request: the API's, a page's, a route's own", async () => {
    const routes = async (app: FastifyInstance) => {
      app.get("/api", async () => ({}));
      app.get("/page", { helmet: pageHelmet(t.config) }, async () => "");
      // The dev harness sets its own headers this way.
      app.get("/own", { helmet: false }, async () => "");
      await app.ready();
      return app;
    };
    const reference = Fastify();
    await reference.register(helmet, { ...API_HELMET, global: true });
    const ours = Fastify();
    await registerSecurity(ours, t.config);
    const expected: Record<string, unknown>[] = [];
    const actual: Record<string, unknown>[] = [];
    const HELMET_HEADERS = [
      "content-security-policy",
      "cross-origin-embedder-policy",
      "cross-origin-opener-policy",
      "cross-origin-resource-policy",
      "origin-agent-cluster",
      "referrer-policy",
      "strict-transport-security",
      "x-content-type-options",
      "x-dns-prefetch-control",
      "x-download-options",
      "x-frame-options",
      "x-permitted-cross-domain-policies",
      "x-powered-by",
      "x-xss-protection",
    ];
    const pick = (headers: Record<string, unknown>) =>
      Object.fromEntries(HELMET_HEADERS.map((name) => [name, headers[name]]));
    for (const app of [await routes(reference), await routes(ours)]) {
      const seen: Record<string, unknown>[] = [];
      for (const [method, url] of [
        ["GET", "/api"],
        ["GET", "/page"],
        ["GET", "/own"],
        ["POST", "/nowhere"],
      ] as const)
        seen.push(pick((await app.inject({ method, url })).headers));
      expect(seen[0]!["content-security-policy"]).toContain("default-src 'none'");
      expect(seen[2]!["content-security-policy"]).toBeUndefined();
      (app === reference ? expected : actual).push(...seen);
      await app.close();
    }
    expect(actual).toEqual(expected);
  });

  it("CORS answers the add-in's origin only", async () => {
    const preflight = (origin: string) =>
      t.app.inject({
        method: "OPTIONS",
        url: "/api/v1/meetings",
        headers: {
          origin,
          "access-control-request-method": "POST",
          "access-control-request-headers": "authorization,content-type,idempotency-key",
        },
      });
    const ok = await preflight(ORIGIN);
    expect(ok.headers["access-control-allow-origin"]).toBe(ORIGIN);
    expect(String(ok.headers["access-control-allow-headers"]).toLowerCase()).toContain(
      "idempotency-key",
    );
    const evil = await preflight("https://evil.example");
    expect(evil.headers["access-control-allow-origin"]).toBeUndefined();
  });
});

describe("rate limits", () => {
  it("limits each signed-in user separately, with Retry-After", async () => {
    const anna = await t.token("rate-anna");
    const karl = await t.token("rate-karl");
    const call = (token: string) =>
      t.app.inject({
        method: "GET",
        url: "/api/v1/meetings/3f1c8d7e-1111-4c4c-9d9d-000000000000",
        headers: { authorization: `Bearer ${token}` },
        remoteAddress: `10.1.0.${ip++}`,
      });
    for (let i = 0; i < 3; i++) expect((await call(anna)).statusCode).toBe(403);
    const limited = await call(anna);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toMatchObject({ code: "rate_limited", retryable: true });
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect((await call(karl)).statusCode).toBe(403);
  });

  it("limits by address before sign-in", async () => {
    const from = "10.2.0.1";
    const codes: number[] = [];
    for (let i = 0; i < 42; i++)
      codes.push(
        (await t.app.inject({ method: "GET", url: "/healthz", remoteAddress: from })).statusCode,
      );
    expect(codes.slice(0, 40).every((c) => c === 200)).toBe(true);
    expect(codes.slice(40)).toEqual([429, 429]);
  });
});

describe("the add-in's files", () => {
  it("serves the manifest with this deployment's origin written in", async () => {
    const res = await get("/manifest.xml");
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`${ORIGIN}/taskpane.html`);
    expect(res.body).not.toContain("https://localhost:3000");
  });

  it("serves the allow-list classic Outlook needs for launchevent.js", async () => {
    const res = await get("/.well-known/microsoft-officeaddins-allowed.json");
    expect(res.json()).toEqual({ allowed: [`${ORIGIN}/launchevent.js`] });
  });

  it("keeps the pane's page ten minutes, so a pane reopened while the service is down opens", async () => {
    const pane = await get("/taskpane.html");
    expect(pane.headers["cache-control"]).toBe("public, max-age=600");
    expect(pane.headers.etag).toBeDefined();
    // Revalidation after the ten minutes costs a 304, not the page.
    const again = await get("/taskpane.html", { "if-none-match": String(pane.headers.etag) });
    expect(again.statusCode).toBe(304);
    // launchevent.js has a fixed name (the manifest names it): always asked for again.
    expect((await get("/launchevent.js")).headers["cache-control"]).toBe("no-cache");
  });

  it("lets the pane's own inline fallback run by its hash, and no other inline script", async () => {
    const csp = (await get("/taskpane.html")).headers["content-security-policy"] as string;
    const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
    expect(scriptSrc.trim().split(" ")).toEqual([
      "script-src",
      "'self'",
      "https://appsforoffice.microsoft.com",
      "https://ajax.aspnetcdn.com",
      PANE_SCRIPT_HASH,
    ]);
  });

  it("serves hashed bundles as immutable, and never the server bundle", async () => {
    const js = await get("/taskpane.0123abcd.js");
    expect(js.statusCode).toBe(200);
    expect(js.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect((await get("/launchevent.js")).statusCode).toBe(200);
    const server = await get("/server/server.js");
    expect(server.statusCode).toBe(404);
    expect(server.body).not.toContain("secret source");
    expect((await get("/")).headers.location).toBe("/taskpane.html");
  });
});
