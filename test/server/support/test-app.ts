// A booking service under test: the real Entra ID, Pexip and Graph emulators over HTTP on
// loopback (port 0), the real Pexip and Teams providers, a store (SQLite or PostgreSQL), and
// captured JSON logs. Faults are injected in the emulators (`/_emulator/faults`), never by
// swapping a provider for a fake.
import { Writable } from "node:stream";
import type { FastifyInstance } from "fastify";
import {
  ENTRA_DEFAULTS,
  startEmulators,
  type Emulators,
  type UserTokenRequest,
} from "../../../src/emulators";
import { buildApp, type BuildAppOptions } from "../../../src/server/app";
import type { Providers } from "../../../src/server/providers/registry";
import { type Config, loadConfig } from "../../../src/server/config";
import { createProviders } from "../../../src/server/providers";
import { createLogger } from "../../../src/server/logger";
import { openTestStore, type StoreKind, type TestStore } from "./test-store";

export const TEST_KEYS = {
  MANAGE_KEY_HMAC_SECRET: Buffer.alloc(32, 7).toString("base64"),
  HOST_SECRET_KEY: Buffer.alloc(32, 9).toString("base64"),
};

export type { Emulators };

export function startTestEmulators(): Promise<Emulators> {
  return startEmulators({ port: 0 });
}

/** The environment an operator would set, pointed at the emulators. */
export function testEnv(
  emu: Emulators,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    PUBLIC_ORIGIN: "https://addin.region.example",
    STATIC_DIR: "/nonexistent-static-dir",
    ENTRA_AUTHORITY_HOST: emu.entra.url,
    ENTRA_TENANT_IDS: emu.entra.tenantId,
    ENTRA_API_APP_ID: emu.entra.apiAppId,
    ENTRA_JWKS_URL: emu.entra.jwksUrl,
    CLIENT_SIGN_IN: "emulator",
    EMULATOR_TOKEN_URL: `${emu.entra.url}/_emulator/users/token`,
    PEXIP_MANAGEMENT_URL: emu.pexip.url,
    PEXIP_NODE_URL: emu.pexip.url,
    PEXIP_SIP_DOMAIN: "vmr.region.example",
    PEXIP_USERNAME: "svm-api",
    PEXIP_PASSWORD: "dev-password-not-for-production",
    PEXIP_DEADLINE_MS: "2000",
    GRAPH_URL: `${emu.graph.url}/v1.0`,
    GRAPH_AUTHORITY_URL: emu.entra.url,
    GRAPH_TENANT_ID: emu.entra.tenantId,
    GRAPH_CLIENT_ID: emu.entra.apiAppId,
    GRAPH_CLIENT_SECRET: ENTRA_DEFAULTS.clientSecret,
    GRAPH_DEADLINE_MS: "2000",
    LOG_LEVEL: "info",
    JOBS_ENABLED: "false",
    // One provider check at start-up only: a background check every 15 s would hit faults a
    // test sets up for its own calls. Tests of the loop itself set a shorter interval.
    READINESS_CHECK_SECONDS: "3600",
    ...TEST_KEYS,
    ...extra,
  };
}

export interface TestApp {
  app: FastifyInstance;
  config: Config;
  store: TestStore;
  emu: Emulators;
  providers: Providers;
  /** Every log line the app wrote, as text. */
  logs(): string;
  /** A user token from the Entra emulator. */
  token(user?: string, extra?: Omit<UserTokenRequest, "user">): Promise<string>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  store?: StoreKind | TestStore;
  env?: Record<string, string>;
  emulators?: Emulators;
  app?: Partial<BuildAppOptions>;
  /** Reads POLICY_FILE (and other config files) instead of the disk. */
  readFile?: (path: string) => string;
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const ownEmulators = options.emulators === undefined;
  const emu = options.emulators ?? (await startTestEmulators());
  const ownStore = typeof options.store !== "object";
  const store =
    typeof options.store === "object"
      ? options.store
      : await openTestStore(options.store ?? "sqlite");
  const config = loadConfig(
    testEnv(emu, options.env),
    options.readFile ? { readFile: options.readFile } : {},
  );
  const providers = createProviders(config.providers);
  let captured = "";
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      captured += chunk.toString("utf8");
      done();
    },
  });
  const logger = createLogger(config.logLevel, sink);
  const app = await buildApp({ config, db: store.db, providers, logger, ...options.app });
  await app.ready();
  return {
    app,
    config,
    store,
    emu,
    providers,
    logs: () => captured,
    token: async (user = "anna", extra = {}) =>
      (await emu.entra.issueUserToken({ user, ...extra })).access_token,
    async close() {
      await app.close();
      if (ownStore) await store.drop();
      if (ownEmulators) await emu.close();
    },
  };
}
