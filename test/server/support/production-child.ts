// The production build as a region runs it: `node dist/server/server.js` in its own process,
// configured only through its environment. PORT=0 and METRICS_PORT=0 pick free ports; the
// service's "listening" log line says which.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Emulators, testEnv } from "./test-app";

const DIST = fileURLToPath(new URL("../../../dist/", import.meta.url));
export const SERVER_BUNDLE = fileURLToPath(
  new URL("../../../dist/server/server.js", import.meta.url),
);

export interface ProductionServer {
  url: string;
  metricsUrl: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

function requireBuild(): void {
  if (!existsSync(SERVER_BUNDLE))
    throw new Error("dist/server/server.js is missing: run npm run build (npm test does)");
}

function spawnServer(env: Record<string, string>): ChildProcess {
  requireBuild();
  return spawn(process.execPath, [SERVER_BUNDLE], {
    // Only what a unit file would set, so nothing from the test runner leaks in.
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

export async function startProductionServer(
  env: Record<string, string>,
): Promise<ProductionServer> {
  const child = spawnServer(env);
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  const listening = await new Promise<{ url: string; metricsUrl: string }>((resolve, reject) => {
    let buffer = "";
    child.stdout?.on("data", (d: Buffer) => {
      buffer += d.toString();
      for (const line of buffer.split("\n")) {
        if (!line.includes('"listening"')) continue;
        const parsed = JSON.parse(line) as { url: string; metricsUrl: string };
        resolve({ url: parsed.url, metricsUrl: parsed.metricsUrl });
      }
    });
    child.on("exit", (code) => reject(new Error(`server exited (${code}): ${stderr}`)));
  });
  return {
    ...listening,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/**
 * Runs the server with an environment it should refuse: its exit code and stderr, or
 * `started: true` (and the process stopped) when it accepted the environment and listened.
 */
export function runUntilExit(
  env: Record<string, string>,
): Promise<{ code: number | null; stderr: string; started: boolean }> {
  const child = spawnServer(env);
  let stderr = "";
  let started = false;
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  child.stdout?.on("data", (d: Buffer) => {
    if (!started && d.toString().includes('"listening"')) {
      started = true;
      child.kill("SIGTERM");
    }
  });
  return new Promise((resolve) => {
    child.on("exit", (code) => resolve({ code, stderr, started }));
  });
}

/** The environment a region would set, in production mode, pointed at the emulators. */
export function productionEnv(emulators: Emulators, extra: Record<string, string> = {}) {
  const env: Record<string, string> = {
    ...testEnv(emulators),
    NODE_ENV: "production",
    PORT: "0",
    HOST: "127.0.0.1",
    METRICS_PORT: "0",
    STATIC_DIR: DIST,
    CLIENT_SIGN_IN: "msal",
    // Production refuses the tests' placeholder keys: real random ones, as a region makes them.
    MANAGE_KEY_HMAC_SECRET: randomBytes(32).toString("base64"),
    HOST_SECRET_KEY: randomBytes(32).toString("base64"),
    ADDIN_CLIENT_ID: "6f1c3b2a-4d5e-4f60-8a7b-9c0d1e2f3a4b",
    LOG_LEVEL: "warn",
    ...extra,
  };
  if (extra.EMULATOR_TOKEN_URL === undefined) delete env.EMULATOR_TOKEN_URL;
  if (extra.READINESS_CHECK_SECONDS === undefined) delete env.READINESS_CHECK_SECONDS; // 15 s
  return env;
}
