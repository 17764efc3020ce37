import { generateKeyPairSync, randomUUID } from "node:crypto";
import { SignJWT, importPKCS8 } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPexipEmulator, type PexipEmulator } from "../../src/emulators";
import { BASIC_AUTH, CONF, call, manualClock } from "./helpers";

const ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
const clock = manualClock();
let emu: PexipEmulator;

beforeAll(async () => {
  emu = await startPexipEmulator({ port: 0, now: clock.now });
});
afterAll(() => emu.close());

async function assertion(
  overrides: { aud?: string; iss?: string; exp?: number; alg?: "ES256"; keyPem?: string } = {},
) {
  const oauth = emu.oauth2!;
  const iat = Math.floor(clock.now() / 1000);
  return new SignJWT({ jti: randomUUID() })
    .setProtectedHeader({ alg: overrides.alg ?? "ES256", typ: "JWT" })
    .setIssuer(overrides.iss ?? oauth.clientId)
    .setSubject(overrides.iss ?? oauth.clientId)
    .setAudience(overrides.aud ?? oauth.tokenUrl)
    .setIssuedAt(iat)
    .setExpirationTime(overrides.exp ?? iat + 300)
    .sign(await importPKCS8(overrides.keyPem ?? oauth.privateKeyPem, "ES256"));
}

function tokenRequest(clientAssertion: string, extra: Record<string, string> = {}) {
  return call(emu.url, "POST", "/oauth/token/", {
    form: {
      grant_type: "client_credentials",
      client_assertion_type: ASSERTION_TYPE,
      client_assertion: clientAssertion,
      scope: "is_admin use_api",
      ...extra,
    },
  });
}

describe("Pexip authentication", () => {
  it("exposes the dev credentials on the handle", () => {
    expect(emu.basic).toEqual({ username: "svm-api", password: "dev-password-not-for-production" });
    expect(emu.oauth2).toMatchObject({
      clientId: "svm-oauth",
      tokenUrl: `${emu.url}/oauth/token/`,
    });
    expect(emu.oauth2?.privateKeyPem).toContain("BEGIN PRIVATE KEY");
  });

  it("accepts the Basic account and answers 401 otherwise", async () => {
    expect(
      (await call(emu.url, "GET", CONF, { headers: { authorization: BASIC_AUTH } })).status,
    ).toBe(200);
    const none = await call(emu.url, "GET", CONF);
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Basic/);
    const wrong = "Basic " + Buffer.from("svm-api:wrong").toString("base64");
    expect((await call(emu.url, "GET", CONF, { headers: { authorization: wrong } })).status).toBe(
      401,
    );
    expect((await call(emu.url, "POST", CONF, { body: { name: "x" } })).status).toBe(401);
    expect(emu.state().conferences).toEqual([]);
  });

  it("issues a 1 h bearer token for a good ES256 assertion, which then works until it expires", async () => {
    const res = await tokenRequest(await assertion());
    expect(res.status).toBe(200);
    const body = res.body as { access_token: string; expires_in: number; token_type: string };
    expect(body).toMatchObject({ expires_in: 3600, token_type: "Bearer" });
    const bearer = { authorization: `Bearer ${body.access_token}` };
    expect((await call(emu.url, "GET", CONF, { headers: bearer })).status).toBe(200);
    clock.advance(3601_000);
    expect((await call(emu.url, "GET", CONF, { headers: bearer })).status).toBe(401);
  });

  it("refuses an expired assertion", async () => {
    const now = Math.floor(clock.now() / 1000);
    const res = await tokenRequest(await assertion({ exp: now - 120 }));
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: "invalid_client" });
  });

  it("refuses an assertion for another audience, signed by another key, or from an unknown client", async () => {
    expect(
      (await tokenRequest(await assertion({ aud: "https://pexip.example/oauth/token/" }))).status,
    ).toBe(401);
    const other = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const otherPem = other.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    expect((await tokenRequest(await assertion({ keyPem: otherPem }))).status).toBe(401);
    expect((await tokenRequest(await assertion({ iss: "someone-else" }))).status).toBe(401);
    expect((await tokenRequest("not-a-jwt")).status).toBe(401);
  });

  it("refuses an assertion signed with another algorithm", async () => {
    const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const jwt = await new SignJWT({})
      .setProtectedHeader({ alg: "RS256" })
      .setIssuer("svm-oauth")
      .setSubject("svm-oauth")
      .setAudience(emu.oauth2!.tokenUrl)
      .setExpirationTime("5m")
      .sign(rsa.privateKey);
    expect((await tokenRequest(jwt)).status).toBe(401);
  });

  it("validates the token request itself", async () => {
    const good = await assertion();
    expect((await tokenRequest(good, { grant_type: "password" })).body).toMatchObject({
      error: "unsupported_grant_type",
    });
    expect((await tokenRequest(good, { scope: "everything" })).body).toMatchObject({
      error: "invalid_scope",
    });
    expect((await tokenRequest(good, { client_id: "other" })).status).toBe(401);
    const json = await call(emu.url, "POST", "/oauth/token/", {
      body: { grant_type: "client_credentials" },
    });
    expect(json.status).toBe(400);
    expect(
      (await call(emu.url, "POST", "/oauth/token", { form: { grant_type: "client_credentials" } }))
        .status,
    ).toBe(404);
  });

  it("answers 401 to an unknown bearer token", async () => {
    const res = await call(emu.url, "GET", CONF, { headers: { authorization: "Bearer made-up" } });
    expect(res.status).toBe(401);
  });
});

describe("Pexip with Basic disabled and a client of our own", () => {
  it("accepts only OAuth2, for the configured client", async () => {
    const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const own = await startPexipEmulator({
      port: 0,
      basic: false,
      oauth2: {
        clients: [
          {
            clientId: "booking",
            publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
          },
        ],
      },
    });
    try {
      expect(own.oauth2).toBeNull();
      expect(
        (await call(own.url, "GET", CONF, { headers: { authorization: BASIC_AUTH } })).status,
      ).toBe(401);
      const jwt = await new SignJWT({})
        .setProtectedHeader({ alg: "ES256" })
        .setIssuer("booking")
        .setSubject("booking")
        .setAudience(`${own.url}/oauth/token/`)
        .setExpirationTime("5m")
        .sign(privateKey);
      const res = await call(own.url, "POST", "/oauth/token/", {
        form: {
          grant_type: "client_credentials",
          client_assertion_type: ASSERTION_TYPE,
          client_assertion: jwt,
        },
      });
      expect(res.status).toBe(200);
      const token = (res.body as { access_token: string }).access_token;
      expect(
        (await call(own.url, "GET", CONF, { headers: { authorization: `Bearer ${token}` } }))
          .status,
      ).toBe(200);
    } finally {
      await own.close();
    }
  });
});

describe("Pexip rate limit", () => {
  it("answers 429 beyond the limit and recovers when the window has passed", async () => {
    const limited = manualClock();
    const small = await startPexipEmulator({
      port: 0,
      rateLimit: { limit: 3, windowMs: 60_000 },
      now: limited.now,
    });
    try {
      const get = () => call(small.url, "GET", CONF, { headers: { authorization: BASIC_AUTH } });
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await get()).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      limited.advance(60_000);
      expect((await get()).status).toBe(200);
    } finally {
      await small.close();
    }
  });

  it("defaults to 1000 requests per 60 s", async () => {
    const limited = manualClock();
    const node = await startPexipEmulator({ port: 0, now: limited.now });
    try {
      const get = () =>
        call(node.url, "GET", `${CONF}?limit=1`, { headers: { authorization: BASIC_AUTH } });
      const results = await Promise.all(Array.from({ length: 1000 }, () => get()));
      expect(results.every((r) => r.status === 200)).toBe(true);
      expect((await get()).status).toBe(429);
    } finally {
      await node.close();
    }
  });
});
