import { execFileSync } from "node:child_process";
import { generateKeyPairSync, createHash, X509Certificate, randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  calculateJwkThumbprint,
  createRemoteJWKSet,
  decodeJwt,
  exportJWK,
  jwtVerify,
  SignJWT,
} from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEntraEmulator, type EntraEmulator } from "../../src/emulators";
import { call } from "./helpers";

const TENANT = "5b0f2c1a-6c2d-4e7a-9b1e-2f6a1d3c4e5f";
const API_APP = "c0ffee00-5e55-4a11-9d0c-000000000a91";
const SECRET = "dev-secret-not-for-production";
const ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

const keyClient = generateKeyPairSync("rsa", { modulusLength: 2048 });
const certDir = mkdtempSync(join(tmpdir(), "svm-entra-"));
execFileSync(
  "openssl",
  [
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-days",
    "1",
    "-subj",
    "/CN=svm-emulator-test",
    "-keyout",
    join(certDir, "key.pem"),
    "-out",
    join(certDir, "cert.pem"),
  ],
  { stdio: "ignore" },
);
const certPem = readFileSync(join(certDir, "cert.pem"), "utf8");
const certKeyPem = readFileSync(join(certDir, "key.pem"), "utf8");
rmSync(certDir, { recursive: true });

let emu: EntraEmulator;

beforeAll(async () => {
  emu = await startEntraEmulator({
    port: 0,
    clients: [
      { clientId: API_APP, secret: SECRET },
      {
        clientId: "key-client",
        publicKeyPem: keyClient.publicKey.export({ type: "spki", format: "pem" }).toString(),
      },
      { clientId: "cert-client", certificatePem: certPem },
      { clientId: "no-roles", secret: "s", roles: [] },
    ],
  });
});
afterAll(() => emu.close());

const tokenForm = (form: Record<string, string>, headers: Record<string, string> = {}) =>
  call(emu.url, "POST", `/${TENANT}/oauth2/v2.0/token`, { form, headers });

const graphScope = "https://graph.microsoft.com/.default";

describe("Entra ID discovery and JWKS", () => {
  it("serves the v2 OpenID configuration with the exact issuer", async () => {
    const res = await call(emu.url, "GET", `/${TENANT}/v2.0/.well-known/openid-configuration`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      issuer: `${emu.url}/${TENANT}/v2.0`,
      jwks_uri: `${emu.url}/${TENANT}/discovery/v2.0/keys`,
      token_endpoint: `${emu.url}/${TENANT}/oauth2/v2.0/token`,
      id_token_signing_alg_values_supported: ["RS256"],
    });
    expect(emu.issuer).toBe(`${emu.url}/${TENANT}/v2.0`);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("accepts the tenant domain in the path, keeps {tenantid} for common, and 400s an unknown tenant", async () => {
    const byDomain = await call(
      emu.url,
      "GET",
      "/region.example.se/v2.0/.well-known/openid-configuration",
    );
    expect(byDomain.body).toMatchObject({ issuer: `${emu.url}/${TENANT}/v2.0` });
    const common = await call(emu.url, "GET", "/common/v2.0/.well-known/openid-configuration");
    expect(common.body).toMatchObject({ issuer: `${emu.url}/{tenantid}/v2.0` });
    const unknown = await call(
      emu.url,
      "GET",
      `/${randomUUID()}/v2.0/.well-known/openid-configuration`,
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ error: "invalid_tenant", error_codes: [90002] });
  });

  it("publishes RSA signing keys with kid", async () => {
    const res = await call(emu.url, "GET", `/${TENANT}/discovery/v2.0/keys`);
    const keys = (res.body as { keys: Array<Record<string, string>> }).keys;
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({
      kty: "RSA",
      use: "sig",
      kid: emu.state().signingKid,
      e: "AQAB",
    });
    expect(keys[0]).not.toHaveProperty("d");
  });
});

describe("Entra ID client credentials", () => {
  const jwks = () => createRemoteJWKSet(new URL(emu.jwksUrl));

  it("issues a Graph app token for the client secret (post and basic)", async () => {
    const res = await tokenForm({
      grant_type: "client_credentials",
      client_id: API_APP,
      client_secret: SECRET,
      scope: graphScope,
    });
    expect(res.status).toBe(200);
    const body = res.body as { access_token: string; token_type: string; expires_in: number };
    expect(body).toMatchObject({ token_type: "Bearer", expires_in: 3599 });
    const { payload, protectedHeader } = await jwtVerify(body.access_token, jwks(), {
      issuer: emu.issuer,
      audience: "https://graph.microsoft.com",
    });
    expect(protectedHeader).toMatchObject({ alg: "RS256", kid: emu.state().signingKid });
    expect(payload).toMatchObject({
      roles: ["OnlineMeetings.ReadWrite.All"],
      tid: TENANT,
      appid: API_APP,
      azp: API_APP,
      appidacr: "1",
      idtyp: "app",
    });
    expect(payload.exp! - payload.iat!).toBe(3599);
    const basic = "Basic " + Buffer.from(`${API_APP}:${SECRET}`).toString("base64");
    const viaBasic = await tokenForm(
      { grant_type: "client_credentials", scope: graphScope },
      { authorization: basic },
    );
    expect(viaBasic.status).toBe(200);
  });

  it("refuses a wrong secret, an unknown client and missing credentials", async () => {
    const wrong = await tokenForm({
      grant_type: "client_credentials",
      client_id: API_APP,
      client_secret: "nope",
      scope: graphScope,
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ error: "invalid_client", error_codes: [7000215] });
    expect((wrong.body as { error_description: string }).error_description).toMatch(
      /^AADSTS7000215: /,
    );
    const unknown = await tokenForm({
      grant_type: "client_credentials",
      client_id: randomUUID(),
      client_secret: "x",
      scope: graphScope,
    });
    expect(unknown.body).toMatchObject({ error: "unauthorized_client", error_codes: [700016] });
    const none = await tokenForm({
      grant_type: "client_credentials",
      client_id: API_APP,
      scope: graphScope,
    });
    expect(none.status).toBe(401);
  });

  it("validates grant type, scope, resource, tenant and encoding", async () => {
    const base = { client_id: API_APP, client_secret: SECRET };
    expect((await tokenForm({ ...base, scope: graphScope })).body).toMatchObject({
      error_codes: [900144],
    });
    expect(
      (await tokenForm({ ...base, grant_type: "password", scope: graphScope })).body,
    ).toMatchObject({ error: "unsupported_grant_type" });
    expect((await tokenForm({ ...base, grant_type: "client_credentials" })).body).toMatchObject({
      error_codes: [900144],
    });
    const notDefault = await tokenForm({
      ...base,
      grant_type: "client_credentials",
      scope: "https://graph.microsoft.com/OnlineMeetings.ReadWrite.All",
    });
    expect(notDefault.body).toMatchObject({ error: "invalid_scope" });
    const otherResource = await tokenForm({
      ...base,
      grant_type: "client_credentials",
      scope: "api://elsewhere/.default",
    });
    expect(otherResource.body).toMatchObject({ error: "invalid_resource" });
    const common = await call(emu.url, "POST", "/common/oauth2/v2.0/token", {
      form: { ...base, grant_type: "client_credentials", scope: graphScope },
    });
    expect(common.status).toBe(400);
    const asJson = await call(emu.url, "POST", `/${TENANT}/oauth2/v2.0/token`, {
      body: { ...base, grant_type: "client_credentials", scope: graphScope },
    });
    expect(asJson.status).toBe(400);
  });

  it("mints app tokens without roles for a client that has none", async () => {
    const res = await tokenForm({
      grant_type: "client_credentials",
      client_id: "no-roles",
      client_secret: "s",
      scope: graphScope,
    });
    expect(decodeJwt((res.body as { access_token: string }).access_token).roles).toEqual([]);
  });
});

describe("Entra ID client assertions (private-key JWT)", () => {
  const kid = async () => calculateJwkThumbprint(await exportJWK(keyClient.publicKey));
  const sign = (
    clientId: string,
    header: Record<string, string>,
    key: Parameters<SignJWT["sign"]>[0],
    claims: { aud?: string; exp?: number } = {},
  ) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ jti: randomUUID() })
      .setProtectedHeader({ alg: "RS256", typ: "JWT", ...header })
      .setIssuer(clientId)
      .setSubject(clientId)
      .setAudience(claims.aud ?? emu.tokenUrl)
      .setNotBefore(now - 10)
      .setExpirationTime(claims.exp ?? now + 600)
      .sign(key);
  };
  const redeem = (clientId: string, assertion: string) =>
    tokenForm({
      grant_type: "client_credentials",
      client_id: clientId,
      client_assertion_type: ASSERTION_TYPE,
      client_assertion: assertion,
      scope: graphScope,
    });

  it("accepts an assertion naming the registered public key by kid", async () => {
    const res = await redeem(
      "key-client",
      await sign("key-client", { kid: await kid() }, keyClient.privateKey),
    );
    expect(res.status).toBe(200);
    expect(decodeJwt((res.body as { access_token: string }).access_token)).toMatchObject({
      appid: "key-client",
      appidacr: "2",
    });
  });

  it("accepts an assertion naming the registered certificate by x5t", async () => {
    const cert = new X509Certificate(certPem);
    const x5t = createHash("sha1").update(cert.raw).digest("base64url");
    const { createPrivateKey } = await import("node:crypto");
    const res = await redeem(
      "cert-client",
      await sign("cert-client", { x5t }, createPrivateKey(certKeyPem)),
    );
    expect(res.status).toBe(200);
  });

  it("refuses expired assertions, wrong audiences, unknown keys and bad signatures", async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = await redeem(
      "key-client",
      await sign("key-client", { kid: await kid() }, keyClient.privateKey, { exp: now - 3600 }),
    );
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({ error: "invalid_client", error_codes: [700024] });
    const aud = await redeem(
      "key-client",
      await sign("key-client", { kid: await kid() }, keyClient.privateKey, {
        aud: "https://login.microsoftonline.com/x/oauth2/v2.0/token",
      }),
    );
    expect(aud.status).toBe(401);
    const unknownKid = await redeem(
      "key-client",
      await sign("key-client", { kid: "not-registered" }, keyClient.privateKey),
    );
    expect(unknownKid.body).toMatchObject({ error_codes: [700027] });
    const stranger = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const forged = await redeem(
      "key-client",
      await sign("key-client", { kid: await kid() }, stranger.privateKey),
    );
    expect(forged.body).toMatchObject({ error: "invalid_client", error_codes: [700027] });
    expect((await redeem("key-client", "garbage")).status).toBe(401);
  });
});
