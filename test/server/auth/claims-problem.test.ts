// The verifier's reasons, claim by claim: what a correct registration issues passes, each
// mistake is named with the setting that fixes it.
import { describe, expect, it } from "vitest";
import { claimsProblem } from "../../../src/server/auth/token-verifier";

const TID = "5b0f2c1a-6c2d-4e7a-9b1e-2f6a1d3c4e5f";
const APP = "c0ffee00-5e55-4a11-9d0c-000000000a91";
const auth = {
  issuerTemplate: "https://login.microsoftonline.com/{tenantid}/v2.0",
  jwksUrl: `https://login.microsoftonline.com/${TID}/discovery/v2.0/keys`,
  audiences: [APP],
  tenants: [TID],
  requiredScope: "Meetings.ReadWrite",
  clockSkewSeconds: 60,
};
const good = {
  aud: APP,
  iss: `https://login.microsoftonline.com/${TID}/v2.0`,
  tid: TID,
  oid: "00000000-0000-4000-8000-000000000001",
  scp: "Meetings.ReadWrite",
  azp: "a0a0a0a0-0000-4000-8000-000000000002",
  ver: "2.0",
};

describe("claimsProblem", () => {
  it("passes a correct v2.0 user token, also with several scopes", () => {
    expect(claimsProblem(good, auth)).toBeUndefined();
    expect(claimsProblem({ ...good, scp: "User.Read Meetings.ReadWrite" }, auth)).toBeUndefined();
  });

  it("names accessTokenAcceptedVersion for v1.0 tokens, by ver or by issuer", () => {
    const v1 = {
      ...good,
      aud: `api://${APP}`,
      iss: `https://sts.windows.net/${TID}/`,
      ver: "1.0",
    };
    expect(claimsProblem(v1, auth)).toMatch(
      /^a v1\.0 access token .*accessTokenAcceptedVersion must be 2/,
    );
    expect(
      claimsProblem({ ...good, iss: `https://sts.windows.net/${TID}/`, ver: undefined }, auth),
    ).toContain("accessTokenAcceptedVersion must be 2");
  });

  it("names the audience it got and the ones it accepts", () => {
    expect(claimsProblem({ ...good, aud: `api://${APP}` }, auth)).toBe(
      `wrong audience: api://${APP}; this service accepts ${APP} (ENTRA_API_APP_ID must be the ` +
        "API registration's client id, and the add-in must ask for api://<that id>/<scope>: ADDIN_SCOPES)",
    );
    expect(claimsProblem({ ...good, aud: ["x", APP] }, auth)).toBeUndefined();
  });

  it("refuses app-only tokens, foreign issuers, missing scope and malformed claims", () => {
    const { scp: _scp, ...appOnly } = good;
    expect(claimsProblem({ ...appOnly, roles: ["X.All"] }, auth)).toContain("app-only token");
    expect(claimsProblem({ ...good, iss: "https://evil.example/x/v2.0" }, auth)).toContain(
      "ENTRA_ISSUER",
    );
    expect(claimsProblem(appOnly, auth)).toContain("scope Meetings.ReadWrite missing (scp: none)");
    expect(claimsProblem({ ...good, oid: undefined }, auth)).toContain("claims malformed");
  });
});
