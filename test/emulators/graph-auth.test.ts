import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulators, type Emulators } from "../../src/emulators";
import { call, graph, graphAppToken, manualClock } from "./helpers";

const clock = manualClock(Date.now());
let emus: Emulators;
let token: string;
let anna: string;
const createOrGet = (oid: string) => `/v1.0/users/${oid}/onlineMeetings/createOrGet`;

beforeAll(async () => {
  emus = await startEmulators({
    port: 0,
    graph: { now: clock.now },
    entra: {
      clients: [
        {
          clientId: "c0ffee00-5e55-4a11-9d0c-000000000a91",
          secret: "dev-secret-not-for-production",
        },
        { clientId: "no-role-app", secret: "s", roles: ["User.Read.All"] },
      ],
    },
  });
  token = await graphAppToken(emus.entra);
  anna = emus.entra.oidFor("anna");
});
afterAll(() => emus.close());
beforeEach(() => emus.graph.reset());

const error = (body: unknown) => (body as { error: { code: string; message: string } }).error;

describe("Graph token validation", () => {
  it("accepts the Entra emulator's app token", async () => {
    expect(
      (await graph(emus.graph.url, token)("POST", createOrGet(anna), { externalId: "a" })).status,
    ).toBe(201);
  });

  it("answers 401 InvalidAuthenticationToken without a token or with garbage", async () => {
    const none = await call(emus.graph.url, "POST", createOrGet(anna), {
      body: { externalId: "a" },
    });
    expect(none.status).toBe(401);
    expect(error(none.body)).toMatchObject({
      code: "InvalidAuthenticationToken",
      message: "Access token is empty.",
    });
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    const garbage = await graph(emus.graph.url, "abc")("POST", createOrGet(anna), {
      externalId: "a",
    });
    expect(garbage.status).toBe(401);
    expect(emus.graph.state().meetings).toEqual([]);
  });

  it("refuses a user token for the booking service (wrong audience)", async () => {
    const user = await emus.entra.issueUserToken({ user: "anna" });
    const res = await graph(emus.graph.url, user.access_token)("POST", createOrGet(anna), {
      externalId: "a",
    });
    expect(res.status).toBe(401);
    expect(error(res.body).message).toBe("Access token validation failure. Invalid audience.");
  });

  it("refuses a token signed by an unknown key, an unsigned one and one from another issuer", async () => {
    const aud = "https://graph.microsoft.com";
    for (const bad of [
      { unknownKid: true },
      { unsigned: true },
      { issuer: "https://sts.example/evil/v2.0" },
    ]) {
      const minted = await emus.entra.issueUserToken({ user: "anna", audience: aud, ...bad });
      const res = await graph(emus.graph.url, minted.access_token)("POST", createOrGet(anna), {
        externalId: "a",
      });
      expect(res.status).toBe(401);
    }
  });

  it("refuses an expired token", async () => {
    clock.advance(2 * 3_600_000);
    try {
      const res = await graph(emus.graph.url, token)("POST", createOrGet(anna), {
        externalId: "a",
      });
      expect(res.status).toBe(401);
      expect(error(res.body).message).toMatch(/expired/);
    } finally {
      clock.advance(-2 * 3_600_000);
    }
  });

  it("answers 403 when the app lacks OnlineMeetings.ReadWrite.All", async () => {
    const other = await graphAppToken(emus.entra, "no-role-app", "s");
    const res = await graph(emus.graph.url, other)("POST", createOrGet(anna), { externalId: "a" });
    expect(res.status).toBe(403);
    const user = await emus.entra.issueUserToken({
      user: "anna",
      audience: "https://graph.microsoft.com",
    });
    expect(
      (
        await graph(emus.graph.url, user.access_token)("POST", createOrGet(anna), {
          externalId: "a",
        })
      ).status,
    ).toBe(403);
  });

  it("keeps accepting tokens after the Entra keys rotate", async () => {
    await emus.entra.rotateKeys();
    const fresh = await graphAppToken(emus.entra);
    expect(
      (await graph(emus.graph.url, fresh)("POST", createOrGet(anna), { externalId: "r" })).status,
    ).toBe(201);
    expect(
      (await graph(emus.graph.url, token)("POST", createOrGet(anna), { externalId: "s" })).status,
    ).toBe(201);
  });
});

describe("Graph application access policy", () => {
  it("answers 403 General for users not granted, as Graph does", async () => {
    const policy = await call(emus.graph.url, "POST", "/_emulator/access-policy", {
      body: { grantAll: false, granted: [anna] },
    });
    expect(policy.status).toBe(200);
    const api = graph(emus.graph.url, token);
    expect((await api("POST", createOrGet(anna), { externalId: "a" })).status).toBe(201);
    const karl = await api("POST", createOrGet(emus.entra.oidFor("karl")), { externalId: "a" });
    expect(karl.status).toBe(403);
    expect(error(karl.body)).toEqual({
      code: "General",
      message: "No application access policy found for this app.",
      innerError: expect.objectContaining({ "request-id": expect.any(String) as string }) as object,
    });
  });

  it("grants everyone by default, and reset restores that", async () => {
    emus.graph.setAccessPolicy({ grantAll: false, granted: [] });
    emus.graph.reset();
    expect(emus.graph.state().accessPolicy).toEqual({ grantAll: true, granted: [] });
  });
});

describe("Graph throttling", () => {
  it("answers 429 with Retry-After beyond the per-app limit, and recovers after the window", async () => {
    const set = await call(emus.graph.url, "POST", "/_emulator/throttle", {
      body: { limit: 2, windowMs: 30_000 },
    });
    expect(set.status).toBe(200);
    const api = graph(emus.graph.url, token);
    expect((await api("POST", createOrGet(anna), { externalId: "a" })).status).toBe(201);
    expect((await api("POST", createOrGet(anna), { externalId: "a" })).status).toBe(200);
    const limited = await api("POST", createOrGet(anna), { externalId: "b" });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("30");
    expect(error(limited.body).code).toBe("TooManyRequests");
    expect(emus.graph.state().meetings).toHaveLength(1);
    clock.advance(30_000);
    expect((await api("POST", createOrGet(anna), { externalId: "b" })).status).toBe(201);
  });
});
