// Token checks through the real route: every refused token gets the same 401, and nothing but a
// token signed by the tenant's published keys gets in.
import { SignJWT, UnsecuredJWT, generateKeyPair } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/test-app";

let t: TestApp;
let now = Date.now();
beforeAll(async () => {
  t = await startTestApp({ app: { jwksCooldownMs: 0, clock: () => new Date(now) } });
});
afterAll(() => t.close());

function meetingTypes(token?: string) {
  return t.app.inject({
    method: "GET",
    url: "/api/v1/meetings/3f1c8d7e-1111-4c4c-9d9d-000000000000",
    headers: {
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      "x-manage-key": "k".repeat(43),
    },
  });
}

/** 403 = the token was accepted and the (unknown) booking refused; 401 = token refused. */
async function status(token?: string): Promise<number> {
  return (await meetingTypes(token)).statusCode;
}

describe("Entra ID access tokens", () => {
  it("accepts a good token (then the manageKey decides)", async () => {
    expect(await status(await t.token("anna"))).toBe(403);
  });

  it("refuses no token, a malformed header and garbage", async () => {
    expect(await status()).toBe(401);
    const res = await t.app.inject({
      method: "GET",
      url: "/api/v1/meetings/3f1c8d7e-1111-4c4c-9d9d-000000000000",
      headers: { authorization: "Basic YW5uYTpwdw==" },
    });
    expect(res.statusCode).toBe(401);
    expect(await status("not.a.jwt")).toBe(401);
  });

  it("refuses expired, not-yet-valid, wrong audience, wrong issuer, other tenant, missing scope", async () => {
    const bad = await Promise.all([
      t.token("anna", { expired: true }),
      t.token("anna", { notBefore: true }),
      t.token("anna", { audience: "api://someone-else" }),
      t.token("anna", { issuer: "https://login.example.test/evil/v2.0" }),
      t.token("anna", { tenant: "0d0d0d0d-1111-4222-8333-444444444444" }),
      t.token("anna", { scopes: [] }),
      t.token("anna", { scopes: ["User.Read"] }),
    ]);
    for (const token of bad) expect(await status(token)).toBe(401);
  });

  it("refuses an unsigned (alg none) token and one signed by an unknown key", async () => {
    expect(await status(await t.token("anna", { unsigned: true }))).toBe(401);
    expect(await status(await t.token("anna", { unknownKid: true }))).toBe(401);
    // A self-made token with the right claims, signed by a key of our own choosing.
    const { privateKey } = await generateKeyPair("RS256");
    const claims = {
      oid: t.emu.entra.oidFor("anna"),
      tid: t.emu.entra.tenantId,
      scp: t.emu.entra.apiScope,
    };
    const forged = await new SignJWT(claims)
      .setProtectedHeader({ alg: "RS256", kid: "forged" })
      .setIssuer(t.emu.entra.issuer)
      .setAudience(t.emu.entra.apiAppId)
      .setIssuedAt()
      .setExpirationTime("10m")
      .sign(privateKey);
    expect(await status(forged)).toBe(401);
    const none = new UnsecuredJWT(claims)
      .setIssuer(t.emu.entra.issuer)
      .setAudience(t.emu.entra.apiAppId)
      .setExpirationTime("10m")
      .encode();
    expect(await status(none)).toBe(401);
  });

  it("allows a small clock skew and no more", async () => {
    const token = await t.token("anna", { lifetimeSeconds: 60 });
    now = Date.now() + 90_000; // 30 s past exp: inside the 60 s skew
    expect(await status(token)).toBe(403);
    now = Date.now() + 200_000; // far past exp
    expect(await status(token)).toBe(401);
    now = Date.now();
  });

  it("fetches the JWKS again when a token names a new key (rotation)", async () => {
    expect(await status(await t.token("anna"))).toBe(403);
    await t.emu.entra.rotateKeys({ retainPrevious: false });
    expect(await status(await t.token("anna"))).toBe(403);
  });

  it("answers every refusal with the same body", async () => {
    const a = await meetingTypes(await t.token("anna", { expired: true }));
    const b = await meetingTypes();
    expect(a.body).toBe(b.body);
    expect(a.json().error.code).toBe("unauthorized");
  });
});
