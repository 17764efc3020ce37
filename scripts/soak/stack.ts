// What the soak runs: the emulators in one process and two production instances of the service
// (`node dist/server/server.js`, NODE_ENV=production) on the soak's PostgreSQL database, every
// one on a free loopback port. An instance can be SIGKILLed and started again (a new port, as a
// new pod behind the load balancer would have).
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Child, startChild } from "./child";
import type { SoakDatabase } from "./database";
import type { EmulatorEndpoints } from "./emulators-child";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BUNDLE = fileURLToPath(new URL("../../dist/server/server.js", import.meta.url));
const EMULATORS = fileURLToPath(new URL("./emulators-child.ts", import.meta.url));

/**
 * The lease, jobs and deadlines of the soak: short, so that repairs happen within a run. The
 * deadline leaves room for a loaded 2-core machine (a provider call on loopback that misses it
 * there was a 504 outside any fault); the lease is the shortest the service accepts with it
 * (deadline + 15 s margin, config-lease.ts) plus 5 s.
 */
export const LEASE_SECONDS = 30;
export const PROVIDER_DEADLINE_MS = 10_000;
/** The orphan sweep's minimum room age: the smallest the service accepts. */
export const ORPHAN_MIN_AGE_MINUTES = 10;
export const RECONCILE_SECONDS = 15;

export function startEmulatorsChild(): Promise<Child<EmulatorEndpoints>> {
  return startChild(
    ["--import", "tsx", EMULATORS],
    {},
    (line) => line.emulators as EmulatorEndpoints | undefined,
    ROOT,
  );
}

/** The environment a region sets (docs/deploy.md), pointed at the emulators. */
function serviceEnv(emu: EmulatorEndpoints, db: SoakDatabase, name: string, secrets: Secrets) {
  return {
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: "0",
    METRICS_PORT: "0",
    INSTANCE_ID: name,
    PUBLIC_ORIGIN: "https://addin.region.example",
    STATIC_DIR: fileURLToPath(new URL("../../dist/", import.meta.url)),
    DATABASE_URL: db.url(`svm-${name}`),
    ENTRA_AUTHORITY_HOST: emu.entraUrl,
    ENTRA_TENANT_IDS: emu.tenantId,
    ENTRA_API_APP_ID: emu.apiAppId,
    ENTRA_JWKS_URL: emu.jwksUrl,
    CLIENT_SIGN_IN: "msal",
    ADDIN_CLIENT_ID: "6f1c3b2a-4d5e-4f60-8a7b-9c0d1e2f3a4b",
    PEXIP_MANAGEMENT_URL: emu.pexipUrl,
    PEXIP_NODE_URL: emu.pexipUrl,
    PEXIP_SIP_DOMAIN: "vmr.region.example",
    PEXIP_USERNAME: emu.pexipUsername,
    PEXIP_PASSWORD: emu.pexipPassword,
    PEXIP_DEADLINE_MS: String(PROVIDER_DEADLINE_MS),
    GRAPH_URL: `${emu.graphUrl}/v1.0`,
    GRAPH_AUTHORITY_URL: emu.entraUrl,
    GRAPH_TENANT_ID: emu.tenantId,
    GRAPH_CLIENT_ID: emu.apiAppId,
    GRAPH_CLIENT_SECRET: emu.graphClientSecret,
    GRAPH_DEADLINE_MS: String(PROVIDER_DEADLINE_MS),
    LEASE_SECONDS: String(LEASE_SECONDS),
    JOBS_ENABLED: "true",
    CLEANUP_INTERVAL_SECONDS: "5",
    RECONCILE_INTERVAL_SECONDS: String(RECONCILE_SECONDS),
    RECONCILE_ORPHAN_MIN_AGE_MINUTES: String(ORPHAN_MIN_AGE_MINUTES),
    READINESS_CHECK_SECONDS: "15",
    // Keeps every finished key's record for the whole run, so the invariants can read it.
    IDEMPOTENCY_REPLAY_MINUTES: "1440",
    LOG_LEVEL: "warn",
    ...secrets,
  };
}

interface Secrets {
  MANAGE_KEY_HMAC_SECRET: string;
  HOST_SECRET_KEY: string;
}

export interface Instance {
  name: string;
  url: string;
  metricsUrl: string;
  child: Child<{ url: string; metricsUrl: string }>;
}

export interface Instances {
  /** The instances now running (what a load balancer would route to). */
  live(): Instance[];
  kill(index: number): Promise<void>;
  restart(index: number): Promise<void>;
  /** Exits nobody asked for (a crash): name and stderr tail. */
  crashes: Array<{ name: string; stderr: string }>;
  stopAll(): Promise<void>;
}

export async function startInstances(
  emu: EmulatorEndpoints,
  db: SoakDatabase,
  count = 2,
): Promise<Instances> {
  if (!existsSync(BUNDLE))
    throw new Error("dist/server/server.js is missing: run npm run build first");
  // Every instance shares the region's keys, as the deployment's secret store gives them.
  const secrets: Secrets = {
    MANAGE_KEY_HMAC_SECRET: randomBytes(32).toString("base64"),
    HOST_SECRET_KEY: randomBytes(32).toString("base64"),
  };
  const slots: Array<Instance | null> = Array.from({ length: count }, () => null);
  const expectedExit = new Set<Instance>();
  const crashes: Instances["crashes"] = [];

  async function start(index: number): Promise<void> {
    const name = `soak-${index + 1}`;
    const child = await startChild([BUNDLE], serviceEnv(emu, db, name, secrets), (line) =>
      line.msg === "listening"
        ? { url: String(line.url), metricsUrl: String(line.metricsUrl) }
        : undefined,
    );
    const instance: Instance = { name, child, ...child.ready };
    child.process.once("exit", () => {
      if (slots[index] === instance) slots[index] = null;
      if (!expectedExit.has(instance)) crashes.push({ name, stderr: child.stderr() });
    });
    slots[index] = instance;
  }

  // One after the other: the first runs the migrations. One that fails stops the others.
  try {
    for (let i = 0; i < count; i++) await start(i);
  } catch (err) {
    for (const instance of slots) if (instance) expectedExit.add(instance);
    await Promise.all(slots.map((s) => s?.child.stop()));
    throw err;
  }
  return {
    live: () => slots.filter((s): s is Instance => s !== null),
    async kill(index) {
      const instance = slots[index];
      if (!instance) return;
      expectedExit.add(instance);
      slots[index] = null;
      await instance.child.stop("SIGKILL");
    },
    restart: (index) => start(index),
    crashes,
    async stopAll() {
      for (const instance of slots) if (instance) expectedExit.add(instance);
      await Promise.all(slots.map((s) => s?.child.stop()));
    },
  };
}
