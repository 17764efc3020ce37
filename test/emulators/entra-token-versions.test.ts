// The Entra emulator's user tokens in both of Entra's formats (access-token claims reference):
// the API registration's accessTokenAcceptedVersion decides, as it does in a real tenant.
import { createRemoteJWKSet, decodeJwt, jwtVerify } from "jose";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEntraEmulator, type EntraEmulator } from "../../src/emulators";
import { call } from "./helpers";

let emu: EntraEmulator;
beforeAll(async () => {
  emu = await startEntraEmulator({ port: 0, clientAppId: "a0a0a0a0-0000-4000-8000-00000000add1" });
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

async function mint(body: Record<string, unknown>) {
  const res = await call(emu.url, "POST", "/_emulator/users/token", { body });
  expect(res.status).toBe(200);
  return (res.body as { access_token: string }).access_token;
}

describe("Entra ID token versions", () => {
  it("a registration with accessTokenAcceptedVersion 2 gets v2.0 tokens (aud = client id)", async () => {
    const claims = decodeJwt(await mint({ user: "anna" }));
    expect(claims).toMatchObject({
      ver: "2.0",
      aud: emu.apiAppId,
      iss: `${emu.url}/${emu.tenantId}/v2.0`,
      azp: "a0a0a0a0-0000-4000-8000-00000000add1",
      scp: emu.apiScope,
      tid: emu.tenantId,
      oid: emu.oidFor("anna"),
    });
    expect(claims).not.toHaveProperty("appid");
  });

  it("null or 1 gives v1.0 tokens: sts.windows.net issuer, App ID URI audience, appid", async () => {
    for (const version of [null, 1] as const) {
      const res = await call(emu.url, "POST", "/_emulator/registration", {
        body: { accessTokenAcceptedVersion: version },
      });
      expect(res.status).toBe(200);
      const token = await mint({ user: "anna" });
      const claims = decodeJwt(token);
      expect(claims).toMatchObject({
        ver: "1.0",
        aud: `api://${emu.apiAppId}`,
        iss: `https://sts.windows.net/${emu.tenantId}/`,
        appid: "a0a0a0a0-0000-4000-8000-00000000add1",
        scp: emu.apiScope,
        tid: emu.tenantId,
        oid: emu.oidFor("anna"),
      });
      expect(claims).not.toHaveProperty("azp");
      // Signed by the same tenant keys as v2 tokens: only the claims tell them apart.
      const jwks = createRemoteJWKSet(new URL(emu.jwksUrl));
      await expect(jwtVerify(token, jwks, { algorithms: ["RS256"] })).resolves.toBeDefined();
    }
    expect(emu.state().accessTokenAcceptedVersion).toBe(1);
  });

  it("a request may pick the version and the audience form; reset restores the registration", async () => {
    emu.setAccessTokenAcceptedVersion(null);
    expect(decodeJwt(await mint({ user: "anna", version: "2.0" })).ver).toBe("2.0");
    const uri = decodeJwt(
      await mint({ user: "anna", version: "2.0", audience: `api://${emu.apiAppId}` }),
    );
    expect(uri.aud).toBe(`api://${emu.apiAppId}`);
    emu.reset();
    expect(decodeJwt(await mint({ user: "anna" })).ver).toBe("2.0");
    const bad = await call(emu.url, "POST", "/_emulator/registration", {
      body: { accessTokenAcceptedVersion: 3 },
    });
    expect(bad.status).toBe(400);
  });
});
