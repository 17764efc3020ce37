// The booking service's benchmark: emulators at zero latency, one service instance
// in its own process, the load from a worker thread (its own event loop). Measures creates/s
// sustained, latency at 100 req/s, the service's own overhead per create (its time minus the
// time it waited for Pexip, from the Server-Timing header), and the service's resident memory.
//
//   npx tsx scripts/bench-service.ts            (also part of `npm run bench`)
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { ENTRA_DEFAULTS, PEXIP_DEV_BASIC, startEmulators, type Emulators } from "../src/emulators";

const SELF = fileURLToPath(import.meta.url);
// BENCH_BUNDLE=dist/other/server.js compares another build (A/B runs).
const BUNDLE = process.env.BENCH_BUNDLE
  ? path.resolve(process.env.BENCH_BUNDLE)
  : fileURLToPath(new URL("../dist/server/server.js", import.meta.url));
// Longer phases (a soak) with BENCH_SUSTAINED_SECONDS / BENCH_RATE_SECONDS.
const SUSTAINED_SECONDS = Number(process.env.BENCH_SUSTAINED_SECONDS ?? 8);
const RATE_SECONDS = Number(process.env.BENCH_RATE_SECONDS ?? 10);
const RATE = 100;
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
/** Creates carry an Idempotency-Key as the task pane's do; BENCH_IDEMPOTENCY=0 leaves it out. */
const IDEMPOTENCY = process.env.BENCH_IDEMPOTENCY !== "0";
/**
 * The V8 settings docs/deploy.md recommends: the heap in use under this load is ~30 MB, but V8
 * lets it grow to far more unless told. Capping the old space at 128 MB and each young-generation
 * semi-space at 8 MB (default 16) keeps the process near 140 MB for ~1 % more CPU per create;
 * 4 MB saves ~10 MB more for 10-15 % more CPU, 2 MB costs a third more CPU. V8's default of
 * four background threads (GC, compiler) on two cores only adds contention and malloc arenas:
 * two use no more CPU per create and 4-12 MB less memory.
 */
export const RECOMMENDED_NODE_FLAGS = [
  "--max-old-space-size=128",
  "--max-semi-space-size=8",
  "--v8-pool-size=2",
];

interface Sample {
  ok: boolean;
  totalMs: number;
  appMs: number;
  providerMs: number;
}

// The load generator: plain node:http with keep-alive, closed loop (concurrency) or open loop
// (a fixed rate). Runs in a worker so its work never delays the measurements.
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const http = require("node:http");
const { url, token, mode, concurrency, rate, seconds, idempotency } = workerData;
const { randomUUID } = require("node:crypto");
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
const target = new URL(url);
// The load generator shares the cores with the service: as little work per request as it can.
const APP = /app;dur=([0-9.]+)/;
const PROVIDER = /provider;dur=([0-9.]+)/;
let n = 0;
function body() {
  const start = new Date(Date.now() + 86400000 + (n++ % 1000) * 60000);
  return JSON.stringify({ type: "care", start: start.toISOString(), end: new Date(start.getTime() + 3600000).toISOString() });
}
function one() {
  return new Promise((resolve) => {
    const payload = body();
    const t0 = performance.now();
    const req = http.request({ host: target.hostname, port: target.port, path: "/api/v1/meetings", method: "POST", agent,
      headers: { authorization: "Bearer " + token, "content-type": "application/json", "content-length": Buffer.byteLength(payload),
        // As the task pane does: a fresh Idempotency-Key per create (two more writes in the store).
        ...(idempotency ? { "idempotency-key": randomUUID() } : {}) } }, (res) => {
      res.resume();
      res.on("end", () => {
        const timing = String(res.headers["server-timing"] || "");
        const get = (re) => Number((re.exec(timing) || [])[1] || NaN);
        resolve({ ok: res.statusCode === 201, totalMs: performance.now() - t0, appMs: get(APP), providerMs: get(PROVIDER) });
      });
    });
    req.on("error", () => resolve({ ok: false, totalMs: performance.now() - t0, appMs: NaN, providerMs: NaN }));
    req.end(payload);
  });
}
(async () => {
  const samples = [];
  const started = performance.now();
  const end = started + seconds * 1000;
  if (mode === "closed") {
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) samples.push(await one());
    }));
  } else {
    const pending = [];
    for (let i = 0; ; i++) {
      const due = started + (i * 1000) / rate;
      if (due >= end) break;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      pending.push(one().then((s) => samples.push(s)));
    }
    await Promise.all(pending);
  }
  parentPort.postMessage({ samples, seconds: (performance.now() - started) / 1000 });
})();
`;

function load(
  url: string,
  token: string,
  options: { mode: "closed" | "open"; concurrency?: number; rate?: number; seconds: number },
): Promise<{ samples: Sample[]; seconds: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, {
      eval: true,
      workerData: { url, token, idempotency: IDEMPOTENCY, ...options },
    });
    worker.once("message", resolve);
    worker.once("error", reject);
  });
}

function percentile(values: number[], p: number): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

const round = (v: number, digits = 1) => Number(v.toFixed(digits));

/** CPU seconds (user + system) of a process or one of its threads, from /proc (Linux). */
function cpuSeconds(pid: number, thread?: number): number {
  const file = thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`;
  const stat = readFileSync(file, "utf8");
  // Fields after the command name; utime and stime are fields 14 and 15 of stat(5).
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

interface CpuSnapshot {
  service: number;
  serviceMain: number;
  bench: number;
  benchMain: number;
}

/**
 * Where the two cores went: the service (all threads, and its JavaScript thread alone) and this
 * process (the emulators on its main thread, the load generator in its worker).
 */
function cpuSnapshot(servicePid: number): CpuSnapshot {
  return {
    service: cpuSeconds(servicePid),
    serviceMain: cpuSeconds(servicePid, servicePid),
    bench: cpuSeconds(process.pid),
    benchMain: cpuSeconds(process.pid, process.pid),
  };
}

function cpuPerCreate(before: CpuSnapshot, after: CpuSnapshot, creates: number) {
  const ms = (key: keyof CpuSnapshot) => round(((after[key] - before[key]) * 1000) / creates, 2);
  return {
    service: ms("service"),
    serviceMain: ms("serviceMain"),
    bench: ms("bench"),
    benchMain: ms("benchMain"),
  };
}

function serviceEnv(emu: Emulators, sqlite: string): Record<string, string> {
  return {
    PUBLIC_ORIGIN: "http://localhost:3000",
    STATIC_DIR: "/nonexistent",
    SQLITE_PATH: sqlite,
    ENTRA_AUTHORITY_HOST: emu.entra.url,
    ENTRA_TENANT_IDS: emu.entra.tenantId,
    ENTRA_API_APP_ID: emu.entra.apiAppId,
    ENTRA_JWKS_URL: emu.entra.jwksUrl,
    CLIENT_SIGN_IN: "emulator",
    EMULATOR_TOKEN_URL: `${emu.entra.url}/_emulator/users/token`,
    PEXIP_MANAGEMENT_URL: emu.pexip.url,
    PEXIP_NODE_URL: emu.pexip.url,
    PEXIP_SIP_DOMAIN: "vmr.region.example",
    PEXIP_USERNAME: PEXIP_DEV_BASIC.username,
    PEXIP_PASSWORD: PEXIP_DEV_BASIC.password,
    GRAPH_URL: `${emu.graph.url}/v1.0`,
    GRAPH_AUTHORITY_URL: emu.entra.url,
    GRAPH_TENANT_ID: emu.entra.tenantId,
    GRAPH_CLIENT_ID: emu.entra.apiAppId,
    GRAPH_CLIENT_SECRET: ENTRA_DEFAULTS.clientSecret,
    // As in production: one JSON line per request (to /dev/null here).
    LOG_LEVEL: "info",
    JOBS_ENABLED: "false",
    SERVER_TIMING: "true",
    RATE_LIMIT_PER_USER: "1000000",
    RATE_LIMIT_PER_IP: "10000000",
    MANAGE_KEY_HMAC_SECRET: Buffer.alloc(32, 1).toString("base64"),
    HOST_SECRET_KEY: Buffer.alloc(32, 2).toString("base64"),
    // Experiments, e.g. BENCH_SERVICE_ENV='{"LOG_LEVEL":"warn"}'.
    ...(JSON.parse(process.env.BENCH_SERVICE_ENV ?? "{}") as Record<string, string>),
  };
}

/** The service process: `tsx scripts/bench-service.ts --serve` with SVM_BENCH_ENV. */
async function serve(): Promise<void> {
  const { loadConfig } = await import("../src/server/config");
  const { createService } = await import("../src/server/service");
  const env = JSON.parse(process.env.SVM_BENCH_ENV ?? "{}") as Record<string, string>;
  const config = loadConfig({ ...env, PORT: process.env.PORT, HOST: "127.0.0.1" });
  const service = await createService(config);
  await service.app.listen({ port: config.server.port, host: config.server.host });
  await service.metricsApp.listen({ port: config.metrics.port, host: config.metrics.host });
  process.once("SIGTERM", () => void service.close().then(() => process.exit(0)));
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * The production bundle (`npm run build`) when it is there, as region IT runs it; otherwise the
 * sources through tsx (slower to start, more memory).
 */
async function startService(
  env: Record<string, string>,
): Promise<{ url: string; metricsUrl: string; child: ChildProcess; runs: string }> {
  const profile = [
    ...(process.env.BENCH_PROFILE ? ["--cpu-prof", "--cpu-prof-dir=/tmp/prof"] : []),
    // BENCH_NODE_FLAGS="" measures Node's defaults instead.
    ...(process.env.BENCH_NODE_FLAGS ?? RECOMMENDED_NODE_FLAGS.join(" "))
      .split(" ")
      .filter(Boolean),
  ];
  const bundle = existsSync(BUNDLE);
  const port = await freePort();
  const metricsPort = await freePort();
  const child = spawn(
    process.execPath,
    bundle ? [...profile, BUNDLE] : [...profile, "--import", "tsx", SELF, "--serve"],
    {
      env: {
        ...process.env,
        ...env,
        PORT: String(port),
        HOST: "127.0.0.1",
        METRICS_PORT: String(metricsPort),
        SVM_BENCH_ENV: JSON.stringify(env),
      },
      // BENCH_SERVICE_STDOUT=file keeps the service's log (or --trace-gc output) for a look.
      stdio: [
        "ignore",
        process.env.BENCH_SERVICE_STDOUT
          ? openSync(process.env.BENCH_SERVICE_STDOUT, "w")
          : "ignore",
        "inherit",
      ],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`bench service exited with ${child.exitCode}`);
    const up = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up)
      return {
        url,
        metricsUrl: `http://127.0.0.1:${metricsPort}/metrics`,
        child,
        runs: bundle ? path.relative(process.cwd(), BUNDLE) : "tsx (no build)",
      };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("bench service did not start");
}

/** Runs the whole benchmark; figures keyed by name (ms, creates/s, MB). */
export async function benchService(): Promise<Record<string, number | string>> {
  // Other work on the machine skews every figure: say how busy it was.
  const loadBefore = loadavg()[0]!;
  const emu = await startEmulators({
    port: 0,
    pexip: { rateLimit: false },
    graph: { throttle: false },
  });
  const dir = mkdtempSync(path.join(tmpdir(), "svm-bench-"));
  const { url, metricsUrl, child, runs } = await startService(
    serviceEnv(emu, path.join(dir, "bookings.sqlite")),
  );
  let peakRss = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, rssMb(child.pid!));
  }, 100);
  try {
    const token = (await emu.entra.issueUserToken({ user: "anna", lifetimeSeconds: 3600 }))
      .access_token;
    await load(url, token, { mode: "closed", concurrency: 8, seconds: WARMUP_SECONDS }); // JIT, JWKS
    emu.pexip.reset();
    const cpu0 = cpuSnapshot(child.pid!);
    const sustained = await load(url, token, {
      mode: "closed",
      concurrency: 32,
      seconds: SUSTAINED_SECONDS,
    });
    const cpu1 = cpuSnapshot(child.pid!);
    emu.pexip.reset();
    const cpu2 = cpuSnapshot(child.pid!);
    const paced = await load(url, token, { mode: "open", rate: RATE, seconds: RATE_SECONDS });
    const cpu3 = cpuSnapshot(child.pid!);
    if (process.env.BENCH_DEBUG) {
      const text = await (await fetch(metricsUrl)).text();
      process.stderr.write(
        text
          .split("\n")
          .filter(
            (l) => /heap_size|external|resident|heap_space_size_used/.test(l) && !l.startsWith("#"),
          )
          .join("\n") + "\n",
      );
    }
    const okSustained = sustained.samples.filter((s) => s.ok);
    const okPaced = paced.samples.filter((s) => s.ok);
    const overhead = okPaced.map((s) => s.appMs - s.providerMs);
    const cpuSustained = cpuPerCreate(cpu0, cpu1, sustained.samples.length);
    const cpuPaced = cpuPerCreate(cpu2, cpu3, paced.samples.length);
    return {
      "creates/s sustained (32 concurrent)": round(okSustained.length / sustained.seconds, 0),
      "creates failed while sustained": sustained.samples.length - okSustained.length,
      [`p50 latency at ${RATE} req/s (client, ms)`]: round(
        percentile(
          okPaced.map((s) => s.totalMs),
          50,
        ),
        2,
      ),
      [`p99 latency at ${RATE} req/s (client, ms)`]: round(
        percentile(
          okPaced.map((s) => s.totalMs),
          99,
        ),
        2,
      ),
      [`p50 service overhead at ${RATE} req/s (ms)`]: round(percentile(overhead, 50), 2),
      [`p99 service overhead at ${RATE} req/s (ms)`]: round(percentile(overhead, 99), 2),
      [`p50 provider time at ${RATE} req/s (ms)`]: round(
        percentile(
          okPaced.map((s) => s.providerMs),
          50,
        ),
        2,
      ),
      [`creates failed at ${RATE} req/s`]: paced.samples.length - okPaced.length,
      "service peak RSS under load (MB)": round(peakRss, 0),
      // CPU time per create is what a busy machine skews least: the throughput it allows is
      // 1000 / (JavaScript thread ms) on one core and 2000 / (everything) on both.
      "service CPU per create, sustained (ms, all / JS thread)": `${cpuSustained.service} / ${cpuSustained.serviceMain}`,
      [`service CPU per create at ${RATE} req/s (ms, all / JS thread)`]: `${cpuPaced.service} / ${cpuPaced.serviceMain}`,
      "emulators + load CPU per create, sustained (ms, all / emulators)": `${cpuSustained.bench} / ${cpuSustained.benchMain}`,
      // What the service alone could do if its JavaScript thread had a core to itself (the
      // emulators and the load generator would run elsewhere in production).
      "service capacity, JS thread on one core (creates/s)": round(
        1000 / cpuSustained.serviceMain,
        0,
      ),
      "service runs from": runs,
      "Idempotency-Key on creates": IDEMPOTENCY ? "yes (as the task pane)" : "no",
      "node flags":
        (process.env.BENCH_NODE_FLAGS ?? RECOMMENDED_NODE_FLAGS.join(" ")) || "(defaults)",
      "machine load average before / after": `${loadBefore.toFixed(1)} / ${loadavg()[0]!.toFixed(1)} (2 cores)`,
      budgets: "≥ 500 creates/s, p99 overhead ≤ 10 ms, ≤ 150 MB",
    };
  } finally {
    clearInterval(sampler);
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
    await emu.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv.includes("--serve")) {
  void serve();
} else if (process.argv[1] === SELF) {
  benchService().then(
    (figures) => {
      for (const [label, value] of Object.entries(figures))
        process.stdout.write(`${label.padEnd(48)} ${value}\n`);
    },
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
      process.exit(1);
    },
  );
}
