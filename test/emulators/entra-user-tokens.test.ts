import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, errors, jwtVerify } from "jose";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEntraEmulator, type EntraEmulator } from "../../src/emulators";
import { call } from "./helpers";

const TENANT = "5b0f2c1a-6c2d-4e7a-9b1e-2f6a1d3c4e5f";
const API_APP = "c0ffee00-5e55-4a11-9d0c-000000000a91";
let emu: EntraEmulator;

beforeAll(async () => {
  emu = await startEntraEmulator({ port: 0 });
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

interface Minted {
  access_token: string;
  oid: string;
  tid: string;
  expires_in: number;
}

async function mint(body: Record<string, unknown>): Promise<Minted> {
  const res = await call(emu.url, "POST", "/_emulator/users/token", { body });
  expect(res.status).toBe(200);
  return res.body as Minted;
}

/** Verifies a token the way the booking service must: JWKS, issuer, audience, time. */
function verifyAsService(token: string) {
  return jwtVerify(token, createRemoteJWKSet(new URL(emu.jwksUrl), { cooldownDuration: 0 }), {
    issuer: `${emu.url}/${TENANT}/v2.0`,
    audience: API_APP,
    algorithms: ["RS256"],
  });
}

describe("Entra ID user tokens", () => {
  it("mints a v2 access token for the service that verifies against the JWKS", async () => {
    const minted = await mint({ user: "anna.andersson" });
    expect(minted).toMatchObject({ tid: TENANT, expires_in: 3600 });
    const { payload, protectedHeader } = await verifyAsService(minted.access_token);
    expect(protectedHeader.alg).toBe("RS256");
    expect(protectedHeader.kid).toBe(emu.state().signingKid);
    expect(payload).toMatchObject({
      aud: API_APP,
      iss: `${emu.url}/${TENANT}/v2.0`,
      scp: "Meetings.ReadWrite",
      oid: minted.oid,
      tid: TENANT,
      name: "Anna Andersson",
      preferred_username: "anna.andersson@region.example.se",
      ver: "2.0",
    });
    expect(payload.sub).not.toBe(minted.oid);
  });

  it("gives the same user the same oid, and another user another", async () => {
    const a1 = await mint({ user: "anna" });
    const a2 = await mint({ user: "anna" });
    const k = await mint({ user: "karl" });
    expect(a1.oid).toBe(a2.oid);
    expect(a1.oid).not.toBe(k.oid);
    expect(a1.oid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(emu.oidFor("anna")).toBe(a1.oid);
    expect(emu.state().users).toEqual([
      { user: "anna", oid: a1.oid, tid: TENANT },
      { user: "karl", oid: k.oid, tid: TENANT },
    ]);
  });

  it("mints an expired token that fails verification", async () => {
    const minted = await mint({ user: "anna", expired: true });
    expect(minted.expires_in).toBeLessThan(0);
    await expect(verifyAsService(minted.access_token)).rejects.toBeInstanceOf(errors.JWTExpired);
  });

  it("mints a not-yet-valid token that fails verification", async () => {
    const minted = await mint({ user: "anna", notBefore: true });
    await expect(verifyAsService(minted.access_token)).rejects.toMatchObject({ claim: "nbf" });
  });

  it("mints tokens for another audience or issuer that fail verification", async () => {
    const aud = await mint({ user: "anna", audience: "00000003-0000-0000-c000-000000000000" });
    await expect(verifyAsService(aud.access_token)).rejects.toMatchObject({ claim: "aud" });
    const iss = await mint({
      user: "anna",
      issuer: "https://login.microsoftonline.com/elsewhere/v2.0",
    });
    await expect(verifyAsService(iss.access_token)).rejects.toMatchObject({ claim: "iss" });
  });

  it("mints a token of another tenant: correctly signed, but its issuer and tid are not ours", async () => {
    const other = "0f0f0f0f-1111-4222-8333-444444444444";
    const minted = await mint({ user: "anna", tenant: other });
    expect(minted.tid).toBe(other);
    expect(minted.oid).not.toBe(emu.oidFor("anna"));
    await expect(verifyAsService(minted.access_token)).rejects.toMatchObject({ claim: "iss" });
    expect(decodeJwt(minted.access_token)).toMatchObject({
      tid: other,
      iss: `${emu.url}/${other}/v2.0`,
    });
  });

  it("mints a token signed by an unpublished key that fails verification", async () => {
    const minted = await mint({ user: "anna", unknownKid: true });
    expect(decodeProtectedHeader(minted.access_token).kid).not.toBe(emu.state().signingKid);
    await expect(verifyAsService(minted.access_token)).rejects.toBeInstanceOf(
      errors.JWKSNoMatchingKey,
    );
  });

  it("mints an unsigned token that fails verification", async () => {
    const minted = await mint({ user: "anna", unsigned: true });
    expect(decodeProtectedHeader(minted.access_token).alg).toBe("none");
    await expect(verifyAsService(minted.access_token)).rejects.toThrow();
  });

  it("sets the scopes asked for, or none", async () => {
    const other = await mint({ user: "anna", scopes: ["User.Read"] });
    expect((await verifyAsService(other.access_token)).payload.scp).toBe("User.Read");
    const none = await mint({ user: "anna", scopes: [] });
    expect((await verifyAsService(none.access_token)).payload).not.toHaveProperty("scp");
  });

  it("refuses a malformed request with 400", async () => {
    expect((await call(emu.url, "POST", "/_emulator/users/token", { body: {} })).status).toBe(400);
    expect(
      (
        await call(emu.url, "POST", "/_emulator/users/token", {
          body: { user: "anna", admin: true },
        })
      ).status,
    ).toBe(400);
    expect(
      (await call(emu.url, "POST", "/_emulator/users/token", { body: { user: "an na" } })).status,
    ).toBe(400);
  });

  it("answers CORS for the task pane, preflight included", async () => {
    const origin = "http://localhost:3000";
    const pre = await call(emu.url, "OPTIONS", "/_emulator/users/token", {
      headers: {
        origin,
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type",
      },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe(origin);
    expect(pre.headers.get("access-control-allow-methods")).toContain("POST");
    expect(pre.headers.get("access-control-allow-headers")).toContain("content-type");
    const res = await call(emu.url, "POST", "/_emulator/users/token", {
      body: { user: "anna" },
      headers: { origin },
    });
    expect(res.headers.get("access-control-allow-origin")).toBe(origin);
  });
});

describe("Entra ID key rotation", () => {
  it("signs with a new key and keeps the old one published, unless told not to", async () => {
    const before = await mint({ user: "anna" });
    const oldKid = emu.state().signingKid;
    const rotated = await call(emu.url, "POST", "/_emulator/keys/rotate");
    expect(rotated.status).toBe(200);
    const newKid = (rotated.body as { kid: string }).kid;
    expect(newKid).not.toBe(oldKid);
    expect(emu.state().publishedKids).toEqual([newKid, oldKid]);
    const after = await mint({ user: "anna" });
    expect(decodeProtectedHeader(after.access_token).kid).toBe(newKid);
    await expect(verifyAsService(after.access_token)).resolves.toBeTruthy();
    await expect(verifyAsService(before.access_token)).resolves.toBeTruthy();

    await call(emu.url, "POST", "/_emulator/keys/rotate", { body: { retainPrevious: false } });
    expect(emu.state().publishedKids).toHaveLength(1);
    await expect(verifyAsService(after.access_token)).rejects.toBeInstanceOf(
      errors.JWKSNoMatchingKey,
    );
  });

  it("reset returns to the first key", async () => {
    const first = emu.state().signingKid;
    await emu.rotateKeys();
    await call(emu.url, "POST", "/_emulator/reset");
    expect(emu.state()).toMatchObject({ signingKid: first, publishedKids: [first], users: [] });
  });
});
