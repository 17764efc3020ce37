// Tokens as Entra ID issues them for right and wrong app registrations: the service accepts only
// what a correct registration produces, answers every refusal with the same 401, and logs a
// reason that tells region IT what to change.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/test-app";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ app: { jwksCooldownMs: 0 } });
});
afterAll(() => t.close());

async function refusal(token: string) {
  const res = await t.app.inject({
    method: "GET",
    url: "/api/v1/meetings/3f1c8d7e-1111-4c4c-9d9d-000000000000",
    headers: { authorization: `Bearer ${token}`, "x-manage-key": "k".repeat(43) },
  });
  return { status: res.statusCode, body: res.body };
}

const anonymous = () =>
  t.app.inject({ method: "GET", url: "/api/v1/meetings/3f1c8d7e-1111-4c4c-9d9d-000000000000" });

describe("app registrations, as their tokens show them", () => {
  it("accepts the v2.0 token a correct registration issues (audience = the app id)", async () => {
    const token = await t.token("anna", { version: "2.0" });
    expect((await refusal(token)).status).toBe(403); // signed in; the manageKey decides
  });

  it.each([
    [
      "a v1.0 token (accessTokenAcceptedVersion not set)",
      { version: "1.0" as const },
      "accessTokenAcceptedVersion must be 2",
    ],
    [
      "a v2.0 token for another API",
      { audience: "11111111-2222-4333-8444-555555555555" },
      "wrong audience: 11111111-2222-4333-8444-555555555555",
    ],
    [
      "a token without the API's scope",
      { scopes: ["User.Read"] },
      "scope Meetings.ReadWrite missing (scp: User.Read)",
    ],
    [
      "a token from a tenant not listed",
      { tenant: "0d0d0d0d-1111-4222-8333-444444444444" },
      "tenant 0d0d0d0d-1111-4222-8333-444444444444 is not in ENTRA_TENANT_IDS",
    ],
  ])("refuses %s with the same 401 and logs the fix", async (_name, extra, logged) => {
    const bad = await refusal(await t.token("anna", extra));
    const none = await anonymous();
    expect(bad.status).toBe(401);
    expect(bad.body).toBe(none.body);
    expect(bad.body).not.toContain("accessTokenAcceptedVersion");
    expect(t.logs()).toContain(logged);
  });

  it("says which key set is wrong when the signing key is unknown", async () => {
    const bad = await refusal(await t.token("anna", { unknownKid: true }));
    expect(bad.status).toBe(401);
    expect(t.logs()).toContain(`does not publish (is ENTRA_JWKS_URL the tenant's JWKS?)`);
  });
});
