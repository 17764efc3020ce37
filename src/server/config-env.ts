// Every variable the service reads, as one zod schema (docs/deploy.md has the table); config.ts
// turns the parsed environment into a Config.
import { z } from "zod";
import {
  DEFAULT_CONSUMER_DOMAINS,
  DEFAULT_FRAME_ANCESTORS,
  bool,
  int,
  key32,
  list,
  originOf,
} from "./config-values";

export const LogLevel = z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]);
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
  REPAIR_LATE_WATCH_MINUTES: int(60, 1, 10_080),
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
