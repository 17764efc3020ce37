// The service's one reading of the environment (style anchors "What to absorb" 8): a zod schema
// turns `process.env` into a frozen Config, and a wrong or missing variable stops start-up with
// a message that names it. No other module reads process.env.
import { readFileSync } from "node:fs";
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { type ClientConfig, DEFAULT_POLICY, type Policy, parsePolicy } from "../shared";
import { allJoinHosts, withJoinHosts } from "./config-join-hosts";
import { insecureSettings } from "./config-production";
import {
  ProviderConfigError,
  type ProviderSettings,
  readProviderSettings,
} from "./config-providers";
import {
  DEFAULT_CONSUMER_DOMAINS,
  DEFAULT_FRAME_ANCESTORS,
  bool,
  int,
  key32,
  list,
  originOf,
} from "./config-values";
import { leaseTooShort } from "./config-lease";
import type { ReconcileSettings } from "./jobs/reconcile-settings";
import type { RepairSettings } from "./jobs/repair-settings";

const LogLevel = z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]);
const Guid = z.uuid({ error: "must be a GUID" });

/** Every variable the service reads (docs/deploy.md has the table). */
export const EnvSchema = z.object({
  PORT: int(3000, 0, 65535),
  HOST: z.string().min(1).default("0.0.0.0"),
  PUBLIC_ORIGIN: originOf("PUBLIC_ORIGIN"),
  TRUST_PROXY: z.string().default("false"),
  STATIC_DIR: z.string().min(1).default("./dist"),
  TLS_CERT_FILE: z.string().min(1).optional(),
  TLS_KEY_FILE: z.string().min(1).optional(),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// URL" })
    .optional(),
  DATABASE_POOL_MAX: int(10, 1, 200),
  DATABASE_CONNECT_TIMEOUT_MS: int(5_000, 100, 60_000),
  DATABASE_IDLE_TIMEOUT_MS: int(30_000, 1_000, 3_600_000),
  DATABASE_STATEMENT_TIMEOUT_MS: int(15_000, 100, 600_000),
  SQLITE_PATH: z.string().min(1).default("./data/bookings.sqlite"),
  ENTRA_AUTHORITY_HOST: z
    .url({ protocol: /^https?$/ })
    .default("https://login.microsoftonline.com"),
  ENTRA_TENANT_IDS: list(Guid).pipe(z.array(Guid).min(1, "name at least one tenant id")),
  ENTRA_API_APP_ID: Guid,
  ENTRA_AUDIENCES: list(z.string().min(1)).default([]),
  ENTRA_REQUIRED_SCOPE: z.string().min(1).default("Meetings.ReadWrite"),
  ENTRA_ISSUER: z.string().includes("{tenantid}", { error: "must contain {tenantid}" }).optional(),
  ENTRA_JWKS_URL: z.url().optional(),
  ENTRA_CLOCK_SKEW_SECONDS: int(60, 0, 300),
  POLICY_FILE: z.string().min(1).optional(),
  MANAGE_KEY_HMAC_SECRET: key32,
  HOST_SECRET_KEY: key32,
  CLIENT_SIGN_IN: z.enum(["msal", "emulator"]).default("msal"),
  ADDIN_CLIENT_ID: Guid.optional(),
  ADDIN_AUTHORITY: z.url({ protocol: /^https$/ }).optional(),
  ADDIN_SCOPES: list(z.string().min(1)).optional(),
  EMULATOR_TOKEN_URL: z.url().optional(),
  API_BASE_URL: z.string().min(1).default("/api/v1"),
  ORGANISATION_DOMAINS: list(z.string().min(1)).default([]),
  ROOM_POLL_SECONDS: int(3, 1, 60),
  ROOM_STREAM_MAX_SECONDS: int(600, 30, 3600),
  CONSUMER_EMAIL_DOMAINS: list(z.string().min(1)).default([...DEFAULT_CONSUMER_DOMAINS]),
  LOG_LEVEL: LogLevel.default("info"),
  RATE_LIMIT_PER_USER: int(120, 1, 1_000_000),
  RATE_LIMIT_PER_IP: int(3000, 1, 10_000_000),
  BODY_LIMIT_BYTES: int(16_384, 1024, 1_048_576),
  FRAME_ANCESTORS: list(z.string().min(1)).default([...DEFAULT_FRAME_ANCESTORS]),
  JOBS_ENABLED: bool(true),
  SERVER_TIMING: bool(false),
  CLEANUP_INTERVAL_SECONDS: int(60, 1, 86_400),
  RECONCILE_INTERVAL_SECONDS: int(300, 1, 86_400),
  LEASE_SECONDS: int(120, 20, 3600),
  IDEMPOTENCY_TTL_HOURS: int(24, 1, 720),
  JOB_API_BUDGET_PER_MINUTE: int(300, 10, 10_000),
  RECONCILE_DRY_RUN: bool(false),
  RECONCILE_ORPHAN_MIN_AGE_MINUTES: int(60, 10, 10_080),
  RECONCILE_MAX_ORPHANS_PER_PASS: int(20, 0, 1_000),
  RECONCILE_MISSING_CONFIRM_SECONDS: int(60, 60, 86_400),
  RECONCILE_MAX_CHECKS_PER_PASS: int(50, 1, 1_000),
  REPAIR_BASE_DELAY_SECONDS: int(60, 1, 86_400),
  REPAIR_MAX_DELAY_SECONDS: int(21_600, 1, 604_800),
  REPAIR_MAX_ATTEMPTS: int(10, 1, 1_000),
  REPAIR_BATCH: int(100, 1, 10_000),
  INSTANCE_ID: z.string().min(1).max(100).optional(),
  READINESS_CHECK_SECONDS: int(15, 1, 3600),
  IDEMPOTENCY_REPLAY_MINUTES: int(15, 1, 1440),
  METRICS_HOST: z.string().min(1).default("127.0.0.1"),
  METRICS_PORT: int(9464, 0, 65535),
  METRICS_TOKEN: z.string().min(32, "must be at least 32 characters").optional(),
  /** "production" also refuses development conveniences (config-production.ts). */
  NODE_ENV: z.string().optional(),
});
export type Env = z.infer<typeof EnvSchema>;

/** The validated, frozen configuration every part of the service is built from. */
export interface Config {
  server: {
    port: number;
    host: string;
    publicOrigin: string;
    trustProxy: boolean | number | string[];
    staticDir: string;
    /** Serve https directly (otherwise TLS ends at the load balancer). */
    tls: { certFile: string; keyFile: string } | null;
    bodyLimit: number;
    frameAncestors: string[];
    /** Answer Server-Timing (provider and app time) on every response. */
    serverTiming: boolean;
  };
  database:
    | { kind: "sqlite"; path: string }
    | {
        kind: "postgres";
        url: string;
        poolMax: number;
        connectTimeoutMs: number;
        idleTimeoutMs: number;
        statementTimeoutMs: number;
      };
  auth: {
    issuerTemplate: string;
    jwksUrl: string;
    audiences: string[];
    tenants: string[];
    requiredScope: string;
    clockSkewSeconds: number;
  };
  providers: ProviderSettings;
  policy: Policy;
  secrets: { manageKeyHmac: Buffer; hostSecretKey: Buffer };
  clientConfig: ClientConfig;
  logLevel: z.infer<typeof LogLevel>;
  rateLimit: { perUserPerMinute: number; perIpPerMinute: number };
  jobs: {
    enabled: boolean;
    cleanupIntervalMs: number;
    reconcileIntervalMs: number;
    leaseMs: number;
    idempotencyTtlMs: number;
    /** Provider calls cleanup and reconcile make together per minute, across all instances. */
    apiBudgetPerMinute: number;
    reconcile: ReconcileSettings;
    /** Back-off of failing repairs and when they go to needs_attention. */
    repair: RepairSettings;
    /** A finished key's sealed manageKey is deleted this long after the create. */
    idempotencyReplayMs: number;
  };
  /** The waiting room: one status call per watched room per poll; event streams end after max. */
  room: { pollIntervalMs: number; streamMaxMs: number };
  instanceId: string;
  /** How often this instance checks the providers for /readyz. */
  health: { checkIntervalMs: number };
  /** The private Prometheus listener. */
  metrics: { host: string; port: number; token: string | null };
}

/** Start-up stops with this; `message` lists every bad variable by name. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

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
  const missing = config.policy.types
    .map((type) => type.service)
    .filter((service, i, all) => all.indexOf(service) === i && !config.providers[service]);
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
