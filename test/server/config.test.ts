// The environment is validated once at start: a wrong or missing variable stops it by name.
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/server/config";
import { withJoinHosts } from "../../src/server/config-join-hosts";
import { DEFAULT_POLICY } from "../../src/shared";

const KEY = Buffer.alloc(32, 1).toString("base64");
const BASE: Record<string, string> = {
  PUBLIC_ORIGIN: "https://vardmote.region.example",
  ENTRA_TENANT_IDS: "5b0f2c1a-6c2d-4e7a-9b1e-2f6a1d3c4e5f",
  ENTRA_API_APP_ID: "c0ffee00-5e55-4a11-9d0c-000000000a91",
  ADDIN_CLIENT_ID: "c0ffee00-5e55-4a11-9d0c-000000000a92",
  MANAGE_KEY_HMAC_SECRET: KEY,
  HOST_SECRET_KEY: "ab".repeat(32),
  PEXIP_MANAGEMENT_URL: "https://pexmgr.region.example",
  PEXIP_NODE_URL: "https://vmr.region.example",
  PEXIP_SIP_DOMAIN: "vmr.region.example",
  PEXIP_USERNAME: "svm-api",
  PEXIP_PASSWORD: "pw",
  GRAPH_TENANT_ID: "5b0f2c1a-6c2d-4e7a-9b1e-2f6a1d3c4e5f",
  GRAPH_CLIENT_ID: "c0ffee00-5e55-4a11-9d0c-000000000a91",
  GRAPH_CLIENT_SECRET: "secret",
};

function error(env: Record<string, string | undefined>, readFile?: (p: string) => string): string {
  try {
    loadConfig(env, { readFile });
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error("expected a ConfigError");
}

describe("loadConfig", () => {
  it("builds a frozen config with production defaults", () => {
    const config = loadConfig(BASE);
    expect(config.server).toMatchObject({
      port: 3000,
      host: "0.0.0.0",
      bodyLimit: 16_384,
      tls: null,
    });
    expect(config.database).toEqual({ kind: "sqlite", path: "./data/bookings.sqlite" });
    expect(config.auth).toMatchObject({
      issuerTemplate: "https://login.microsoftonline.com/{tenantid}/v2.0",
      jwksUrl:
        "https://login.microsoftonline.com/5b0f2c1a-6c2d-4e7a-9b1e-2f6a1d3c4e5f/discovery/v2.0/keys",
      audiences: ["c0ffee00-5e55-4a11-9d0c-000000000a91"],
      requiredScope: "Meetings.ReadWrite",
    });
    expect(config.clientConfig.signIn).toEqual({
      kind: "msal",
      clientId: "c0ffee00-5e55-4a11-9d0c-000000000a92",
      authority: "https://login.microsoftonline.com/5b0f2c1a-6c2d-4e7a-9b1e-2f6a1d3c4e5f",
      scopes: ["api://c0ffee00-5e55-4a11-9d0c-000000000a91/Meetings.ReadWrite"],
    });
    expect(config.secrets.hostSecretKey).toEqual(Buffer.alloc(32, 0xab));
    // The built-in policy, with the Pexip type's join host taken from PEXIP_NODE_URL.
    expect(config.policy).toEqual(withJoinHosts(DEFAULT_POLICY, config.providers));
    expect(config.policy.types.every((type) => (type.joinHosts ?? []).length > 0)).toBe(true);
    expect(Object.isFrozen(config.server)).toBe(true);
    expect(config.providers.pexip?.auth).toEqual({
      kind: "basic",
      username: "svm-api",
      password: "pw",
    });
    expect(config.providers.teams?.credential).toEqual({ kind: "secret", clientSecret: "secret" });
  });

  it("switches to PostgreSQL with DATABASE_URL", () => {
    const config = loadConfig({ ...BASE, DATABASE_URL: "postgres://svm@db.region.example/svm" });
    expect(config.database).toEqual({
      kind: "postgres",
      url: "postgres://svm@db.region.example/svm",
      poolMax: 10,
      connectTimeoutMs: 5_000,
      idleTimeoutMs: 30_000,
      statementTimeoutMs: 15_000,
    });
  });

  it("refuses a lease shorter than the longest provider deadline plus a margin", () => {
    // Graph's deadline 40 s + 15 s margin = 55 s: a 50 s lease could run out mid-create.
    const message = error({ ...BASE, GRAPH_DEADLINE_MS: "40000", LEASE_SECONDS: "50" });
    expect(message).toContain("LEASE_SECONDS");
    expect(message).toContain("55 s");
    expect(
      loadConfig({ ...BASE, GRAPH_DEADLINE_MS: "40000", LEASE_SECONDS: "55" }).jobs.leaseMs,
    ).toBe(55_000);
    // The defaults (12 s deadlines, 120 s lease) pass.
    expect(loadConfig(BASE).jobs.leaseMs).toBe(120_000);
  });

  it("reads the repair back-off and refuses one that cannot work, by name", () => {
    expect(loadConfig(BASE).jobs.repair).toEqual({
      baseDelayMs: 60_000,
      maxDelayMs: 21_600_000,
      maxAttempts: 10,
      batch: 100,
      lateWatchMs: 3_600_000,
    });
    expect(
      loadConfig({ ...BASE, REPAIR_BASE_DELAY_SECONDS: "30", REPAIR_MAX_ATTEMPTS: "4" }).jobs
        .repair,
    ).toMatchObject({ baseDelayMs: 30_000, maxAttempts: 4 });
    expect(error({ ...BASE, REPAIR_MAX_ATTEMPTS: "0" })).toContain("REPAIR_MAX_ATTEMPTS");
    expect(error({ ...BASE, REPAIR_BASE_DELAY_SECONDS: "soon" })).toContain(
      "REPAIR_BASE_DELAY_SECONDS: must be a whole number",
    );
    expect(
      error({ ...BASE, REPAIR_BASE_DELAY_SECONDS: "600", REPAIR_MAX_DELAY_SECONDS: "60" }),
    ).toContain("REPAIR_MAX_DELAY_SECONDS (60) must be at least REPAIR_BASE_DELAY_SECONDS (600)");
  });

  it("names every missing or wrong variable", () => {
    const message = error({
      ...BASE,
      PUBLIC_ORIGIN: undefined,
      ENTRA_API_APP_ID: "nope",
      HOST_SECRET_KEY: "short",
      PORT: "eighty",
    });
    expect(message).toContain("PUBLIC_ORIGIN: required, not set");
    expect(message).toContain("ENTRA_API_APP_ID: must be a GUID");
    expect(message).toContain("HOST_SECRET_KEY: must be 32 random bytes");
    expect(message).toContain("PORT: must be a whole number");
  });

  it("refuses an http origin other than localhost and an origin with a path", () => {
    expect(error({ ...BASE, PUBLIC_ORIGIN: "http://vardmote.region.example" })).toContain(
      "PUBLIC_ORIGIN",
    );
    expect(error({ ...BASE, PUBLIC_ORIGIN: "https://vardmote.region.example/app" })).toContain(
      "PUBLIC_ORIGIN",
    );
    expect(
      loadConfig({ ...BASE, PUBLIC_ORIGIN: "http://localhost:3000" }).server.publicOrigin,
    ).toBe("http://localhost:3000");
  });

  it("names the PEXIP_ and GRAPH_ variables the provider schemas refuse", () => {
    expect(error({ ...BASE, PEXIP_NODE_URL: "ftp://x" })).toContain("PEXIP_NODE_URL");
    expect(error({ ...BASE, PEXIP_ALIAS_LENGTH: "5" })).toContain("PEXIP_ALIAS_LENGTH");
    expect(error({ ...BASE, GRAPH_CLIENT_SECRET: undefined })).toContain("GRAPH_CLIENT_SECRET");
  });

  it("refuses a policy that uses a service nobody configured", () => {
    expect(error({ ...BASE, GRAPH_TENANT_ID: undefined })).toContain("GRAPH_TENANT_ID is not set");
  });

  it("reads POLICY_FILE with parsePolicy and reports bad fields by path", () => {
    const pexipOnly = {
      version: 1,
      defaultType: "care",
      types: [DEFAULT_POLICY.types[0]],
    };
    const config = loadConfig(
      { ...BASE, GRAPH_TENANT_ID: undefined, POLICY_FILE: "/etc/svm/policy.json" },
      {
        readFile: () => JSON.stringify(pexipOnly),
      },
    );
    expect(config.policy.types.map((t) => t.id)).toEqual(["care"]);
    const bad = error({ ...BASE, POLICY_FILE: "/etc/svm/policy.json" }, () =>
      JSON.stringify({
        ...pexipOnly,
        types: [{ ...DEFAULT_POLICY.types[0], participantLimit: 0 }],
      }),
    );
    expect(bad).toContain("POLICY_FILE");
    expect(bad).toContain("types[0].participantLimit");
    expect(error({ ...BASE, POLICY_FILE: "/nope.json" }, () => "{")).toContain(
      "cannot read /nope.json as JSON",
    );
  });

  it("needs ADDIN_CLIENT_ID for MSAL and EMULATOR_TOKEN_URL for the emulator", () => {
    expect(error({ ...BASE, ADDIN_CLIENT_ID: undefined })).toContain("ADDIN_CLIENT_ID");
    expect(error({ ...BASE, CLIENT_SIGN_IN: "emulator" })).toContain("EMULATOR_TOKEN_URL");
  });

  it("needs both TLS files or neither", () => {
    expect(error({ ...BASE, TLS_CERT_FILE: "/etc/ssl/svm.crt" })).toContain("TLS_KEY_FILE");
  });
});

describe("join hosts", () => {
  it("come from the policy, else PEXIP_NODE_URL's host and teams.microsoft.com", () => {
    const load = loadConfig;
    const base = {
      PUBLIC_ORIGIN: "https://vardmote.region.se",
      ENTRA_TENANT_IDS: "11111111-1111-4111-8111-111111111111",
      ENTRA_API_APP_ID: "22222222-2222-4222-8222-222222222222",
      ADDIN_CLIENT_ID: "33333333-3333-4333-8333-333333333333",
      MANAGE_KEY_HMAC_SECRET: Buffer.alloc(32, 1).toString("base64"),
      HOST_SECRET_KEY: Buffer.alloc(32, 2).toString("base64"),
      PEXIP_MANAGEMENT_URL: "https://pexmgr.region.se",
      PEXIP_NODE_URL: "https://VMR.region.se",
      PEXIP_SIP_DOMAIN: "vmr.region.se",
      PEXIP_USERNAME: "svm-api",
      PEXIP_PASSWORD: "secret",
      GRAPH_TENANT_ID: "11111111-1111-4111-8111-111111111111",
      GRAPH_CLIENT_ID: "22222222-2222-4222-8222-222222222222",
      GRAPH_CLIENT_SECRET: "secret",
    };
    const config = load(base);
    expect(config.clientConfig.joinHosts).toEqual(["vmr.region.se", "teams.microsoft.com"]);
    expect(config.policy.types.find((t) => t.id === "care")?.joinHosts).toEqual(["vmr.region.se"]);
    const policy = {
      ...DEFAULT_POLICY,
      types: DEFAULT_POLICY.types.map((t) =>
        t.service === "pexip" ? { ...t, joinHosts: ["Meet.Region.se", "meet2.region.se:8443"] } : t,
      ),
    };
    const own = load(
      { ...base, POLICY_FILE: "/policy.json" },
      { readFile: () => JSON.stringify(policy) },
    );
    expect(own.clientConfig.joinHosts).toEqual([
      "meet.region.se",
      "meet2.region.se:8443",
      "teams.microsoft.com",
    ]);
    expect(() =>
      load(
        { ...base, POLICY_FILE: "/policy.json" },
        {
          readFile: () =>
            JSON.stringify({
              ...policy,
              types: policy.types.map((t) => ({ ...t, joinHosts: ["https://evil.example/"] })),
            }),
        },
      ),
    ).toThrow(/POLICY_FILE.*joinHosts/);
  });
});
