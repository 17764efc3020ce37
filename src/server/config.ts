// The service's one reading of the environment (style anchors "What to absorb" 8): a zod schema
// turns `process.env` into a frozen Config, and a wrong or missing variable stops start-up with
// a message that names it. No other module reads process.env.
import { readFileSync } from "node:fs";
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import { type z } from "zod";
import { type ClientConfig, DEFAULT_POLICY, type Policy, parsePolicy } from "../shared";
import { allJoinHosts, withJoinHosts } from "./config-join-hosts";
import { insecureSettings } from "./config-production";
import { ProviderConfigError, readProviderSettings } from "./config-providers";
import { leaseTooShort } from "./config-lease";
import { missingProviders } from "./providers/registry";
import { type Env, EnvSchema } from "./config-env";
import { type Config, ConfigError } from "./config-types";

export { EnvSchema, type Env } from "./config-env";
export { ConfigError, type Config } from "./config-types";

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function trustProxy(value: string): Config["server"]["trustProxy"] {
  if (value === "true" || value === "false") return value === "true";
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(",").map((part) => part.trim());
}

function loadPolicy(file: string | undefined, read: (path: string) => string): Policy {
  if (file === undefined) return DEFAULT_POLICY;
  let json: unknown;
  try {
    json = JSON.parse(read(file));
  } catch (err) {
    throw new ConfigError(`POLICY_FILE: cannot read ${file} as JSON (${(err as Error).message})`);
  }
  const parsed = parsePolicy(json);
  if (!parsed.ok) throw new ConfigError(`POLICY_FILE: ${file}: ${parsed.error}`);
  return parsed.policy;
}

function clientConfig(env: Env, tenant: string, joinHosts: string[]): ClientConfig {
  const scopes = env.ADDIN_SCOPES ?? [`api://${env.ENTRA_API_APP_ID}/${env.ENTRA_REQUIRED_SCOPE}`];
  const common = {
    apiBaseUrl: env.API_BASE_URL,
    organisationDomains: env.ORGANISATION_DOMAINS,
    consumerEmailDomains: env.CONSUMER_EMAIL_DOMAINS,
    joinHosts,
  };
  if (env.CLIENT_SIGN_IN === "emulator") {
    if (env.EMULATOR_TOKEN_URL === undefined)
      throw new ConfigError("EMULATOR_TOKEN_URL: required when CLIENT_SIGN_IN=emulator");
    return { ...common, signIn: { kind: "emulator", tokenUrl: env.EMULATOR_TOKEN_URL, scopes } };
  }
  if (env.ADDIN_CLIENT_ID === undefined)
    throw new ConfigError("ADDIN_CLIENT_ID: required when CLIENT_SIGN_IN=msal");
  const authority =
    env.ADDIN_AUTHORITY ?? `${env.ENTRA_AUTHORITY_HOST.replace(/\/$/, "")}/${tenant}`;
  return {
    ...common,
    signIn: { kind: "msal", clientId: env.ADDIN_CLIENT_ID, authority, scopes },
  };
}

function providerSettings(env: Record<string, string | undefined>, read: (p: string) => string) {
  try {
    return readProviderSettings(env, read);
  } catch (err) {
    if (err instanceof ProviderConfigError)
      throw new ConfigError(`invalid environment:\n  ${err.message}`);
    throw err;
  }
}

function tlsFiles(e: Env): Config["server"]["tls"] {
  if (!e.TLS_CERT_FILE && !e.TLS_KEY_FILE) return null;
  if (!e.TLS_CERT_FILE || !e.TLS_KEY_FILE)
    throw new ConfigError("TLS_CERT_FILE and TLS_KEY_FILE: give both or neither");
  return { certFile: e.TLS_CERT_FILE, keyFile: e.TLS_KEY_FILE };
}

function describeIssues(error: z.ZodError, env: Record<string, string | undefined>): string {
  return error.issues
    .map((issue) => {
      const name = String(issue.path[0] ?? "(environment)");
      const message = env[name] === undefined ? "required, not set" : issue.message;
      return `${name}: ${message}`;
    })
    .join("\n  ");
}

/** /metrics on every interface without a token would put it on the public port's network. */
function refuseExposedMetrics(config: Config): void {
  const { host, port, token } = config.metrics;
  if (token === null && ["0.0.0.0", "::", "[::]"].includes(host))
    throw new ConfigError(
      "METRICS_HOST: listening on every interface needs METRICS_TOKEN (or bind METRICS_HOST to loopback or an internal address)",
    );
  if (port !== 0 && port === config.server.port && host === config.server.host)
    throw new ConfigError(
      "METRICS_PORT: must differ from PORT (metrics are never on the public port)",
    );
}

export interface LoadConfigOptions {
  /** Reads POLICY_FILE; tests pass a fake. */
  readFile?: (path: string) => string;
}

/** Validates the environment; throws ConfigError naming every bad variable. */
export function loadConfig(
  env: Record<string, string | undefined>,
  options: LoadConfigOptions = {},
): Config {
  // Empty variables count as unset: `FOO=` in a unit file means "use the default".
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ""),
  );
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success)
    throw new ConfigError(`invalid environment:\n  ${describeIssues(parsed.error, cleaned)}`);
  const e = parsed.data;
  const read = options.readFile ?? ((path: string) => readFileSync(path, "utf8"));
  const host = e.ENTRA_AUTHORITY_HOST.replace(/\/$/, "");
  const [firstTenant] = e.ENTRA_TENANT_IDS as [string, ...string[]];
  const providers = providerSettings(cleaned, read);
  const policy = withJoinHosts(loadPolicy(e.POLICY_FILE, read), providers);
  const config: Config = {
    server: {
      port: e.PORT,
      host: e.HOST,
      publicOrigin: e.PUBLIC_ORIGIN,
      trustProxy: trustProxy(e.TRUST_PROXY),
      staticDir: e.STATIC_DIR,
      tls: tlsFiles(e),
      bodyLimit: e.BODY_LIMIT_BYTES,
      frameAncestors: e.FRAME_ANCESTORS,
      serverTiming: e.SERVER_TIMING,
      swaggerUi: e.NODE_ENV !== "production",
    },
    database: e.DATABASE_URL
      ? {
          kind: "postgres",
          url: e.DATABASE_URL,
          poolMax: e.DATABASE_POOL_MAX,
          connectTimeoutMs: e.DATABASE_CONNECT_TIMEOUT_MS,
          idleTimeoutMs: e.DATABASE_IDLE_TIMEOUT_MS,
          statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
        }
      : { kind: "sqlite", path: e.SQLITE_PATH },
    auth: {
      issuerTemplate: e.ENTRA_ISSUER ?? `${host}/{tenantid}/v2.0`,
      jwksUrl: e.ENTRA_JWKS_URL ?? `${host}/${firstTenant}/discovery/v2.0/keys`,
      audiences: [e.ENTRA_API_APP_ID, ...e.ENTRA_AUDIENCES],
      tenants: e.ENTRA_TENANT_IDS.map((t) => t.toLowerCase()),
      requiredScope: e.ENTRA_REQUIRED_SCOPE,
      clockSkewSeconds: e.ENTRA_CLOCK_SKEW_SECONDS,
    },
    providers,
    policy,
    secrets: { manageKeyHmac: e.MANAGE_KEY_HMAC_SECRET, hostSecretKey: e.HOST_SECRET_KEY },
    clientConfig: clientConfig(e, firstTenant, allJoinHosts(policy)),
    logLevel: e.LOG_LEVEL,
    rateLimit: { perUserPerMinute: e.RATE_LIMIT_PER_USER, perIpPerMinute: e.RATE_LIMIT_PER_IP },
    jobs: {
      enabled: e.JOBS_ENABLED,
      cleanupIntervalMs: e.CLEANUP_INTERVAL_SECONDS * 1000,
      reconcileIntervalMs: e.RECONCILE_INTERVAL_SECONDS * 1000,
      leaseMs: e.LEASE_SECONDS * 1000,
      idempotencyTtlMs: e.IDEMPOTENCY_TTL_HOURS * 3_600_000,
      apiBudgetPerMinute: e.JOB_API_BUDGET_PER_MINUTE,
      reconcile: {
        dryRun: e.RECONCILE_DRY_RUN,
        orphanMinAgeMs: e.RECONCILE_ORPHAN_MIN_AGE_MINUTES * 60_000,
        maxOrphansPerPass: e.RECONCILE_MAX_ORPHANS_PER_PASS,
        missingConfirmMs: e.RECONCILE_MISSING_CONFIRM_SECONDS * 1000,
        maxChecksPerPass: e.RECONCILE_MAX_CHECKS_PER_PASS,
      },
      repair: {
        baseDelayMs: e.REPAIR_BASE_DELAY_SECONDS * 1000,
        maxDelayMs: e.REPAIR_MAX_DELAY_SECONDS * 1000,
        maxAttempts: e.REPAIR_MAX_ATTEMPTS,
        batch: e.REPAIR_BATCH,
        lateWatchMs: e.REPAIR_LATE_WATCH_MINUTES * 60_000,
      },
      idempotencyReplayMs: e.IDEMPOTENCY_REPLAY_MINUTES * 60_000,
    },
    room: {
      pollIntervalMs: e.ROOM_POLL_SECONDS * 1000,
      streamMaxMs: e.ROOM_STREAM_MAX_SECONDS * 1000,
    },
    instanceId: e.INSTANCE_ID ?? `${hostname()}-${process.pid}-${randomBytes(3).toString("hex")}`,
    health: { checkIntervalMs: e.READINESS_CHECK_SECONDS * 1000 },
    metrics: { host: e.METRICS_HOST, port: e.METRICS_PORT, token: e.METRICS_TOKEN ?? null },
  };
  const missing = missingProviders(config.policy, config.providers);
  if (missing.length > 0) {
    throw new ConfigError(
      `the meeting-type policy uses ${missing.join(" and ")} but ${missing
        .map((s) => (s === "pexip" ? "PEXIP_MANAGEMENT_URL" : "GRAPH_TENANT_ID"))
        .join(" and ")} is not set`,
    );
  }
  if (e.REPAIR_MAX_DELAY_SECONDS < e.REPAIR_BASE_DELAY_SECONDS)
    throw new ConfigError(
      `REPAIR_MAX_DELAY_SECONDS (${e.REPAIR_MAX_DELAY_SECONDS}) must be at least REPAIR_BASE_DELAY_SECONDS (${e.REPAIR_BASE_DELAY_SECONDS})`,
    );
  const leaseProblem = leaseTooShort(config.jobs.leaseMs, config.providers);
  if (leaseProblem) throw new ConfigError(leaseProblem);
  refuseExposedMetrics(config);
  const insecure = insecureSettings(cleaned, config);
  if (insecure.length > 0) throw new ConfigError(`insecure settings:\n  ${insecure.join("\n  ")}`);
  // Buffers cannot be frozen; everything else can, so no request can change another's config.
  const { secrets, ...rest } = config;
  deepFreeze(rest);
  return Object.freeze({ ...rest, secrets: Object.freeze(secrets) });
}
