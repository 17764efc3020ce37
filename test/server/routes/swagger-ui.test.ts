// Swagger UI at /docs: served over the service's own OpenAPI document in development, absent when
// NODE_ENV=production (the built service has none at all: test/server/production-build.test.ts).
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/test-app";

let dev: TestApp;
let production: TestApp;
beforeAll(async () => {
  dev = await startTestApp();
  production = await startTestApp({
    emulators: dev.emu,
    env: {
      NODE_ENV: "production",
      CLIENT_SIGN_IN: "msal",
      ADDIN_CLIENT_ID: "6f1c3b2a-4d5e-4f60-8a7b-9c0d1e2f3a4b",
      // Production refuses placeholder keys.
      MANAGE_KEY_HMAC_SECRET: randomBytes(32).toString("base64"),
      HOST_SECRET_KEY: randomBytes(32).toString("base64"),
    },
  });
});
afterAll(async () => {
  await production?.close();
  await dev?.close();
});

const get = (t: TestApp, url: string) => t.app.inject({ method: "GET", url });

describe("Swagger UI in development", () => {
  it("serves its page with a policy that lets its own scripts run, and nothing else", async () => {
    const page = await get(dev, "/docs");
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    expect(page.body).toContain("swagger-ui");
    const csp = String(page.headers["content-security-policy"]);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*(unsafe-inline|unsafe-eval|https:)/);
    const script = await get(dev, "/docs/static/swagger-ui-bundle.js");
    expect(script.statusCode).toBe(200);
  });

  it("shows the same document as /openapi.json", async () => {
    const served = (await get(dev, "/docs/json")).json();
    expect(served.paths).toEqual((await get(dev, "/openapi.json")).json().paths);
  });
});

describe("Swagger UI in production (NODE_ENV=production)", () => {
  it("is not there; the document still is", async () => {
    for (const url of ["/docs", "/docs/static/index.html", "/docs/json"])
      expect((await get(production, url)).statusCode, url).toBe(404);
    expect((await get(production, "/openapi.json")).statusCode).toBe(200);
  });
});
