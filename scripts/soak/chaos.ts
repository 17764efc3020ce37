// The faults the soak injects while the clients work: provider faults through the emulators'
// `/_emulator/faults` API (latency past the lease, 5xx, 429 with Retry-After, hangs), an instance
// SIGKILLed and started again, and every database connection terminated. Each event is
// counted and its time window kept: the invariants allow 503/504 provider answers inside a
// provider fault's window and 503 service_unavailable inside a database outage's.
import { randomInt } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { SoakDatabase } from "./database";
import type { EmulatorEndpoints } from "./emulators-child";
import { LEASE_SECONDS, PROVIDER_DEADLINE_MS, type Instances } from "./stack";

export interface Window {
  from: number;
  to: number;
}

export interface ChaosLog {
  /** Faults armed, by kind. */
  faults: Map<string, number>;
  /** Provider calls the armed faults actually hit (the emulators count them), by kind. */
  fired: Map<string, number>;
  kills: number;
  restarts: number;
  dbTerminations: number;
  /** Connections the terminations ended. */
  connectionsTerminated: number;
  providerWindows: Window[];
  databaseWindows: Window[];
  /**
   * Starts that failed (the process exited before it listened, e.g. its migrations lost their
   * connection to a termination) and were tried again, as a supervisor restarts a pod.
   */
  failedStarts: string[];
  /** Every event with its time, for reading a violation against what happened around it. */
  timeline: Array<{ at: number; what: string }>;
}

export function newChaosLog(): ChaosLog {
  return {
    faults: new Map(),
    fired: new Map(),
    kills: 0,
    restarts: 0,
    dbTerminations: 0,
    connectionsTerminated: 0,
    providerWindows: [],
    databaseWindows: [],
    timeline: [],
    failedStarts: [],
  };
}

const PEXIP = "/api/admin/configuration/v1/";
const GRAPH = "/v1.0/users/";
/** How long a fault stays armed if it never fires. */
const ARMED_MS = 8_000;
/** After a fault is gone its effects may still arrive: a late answer, a circuit still open. */
const AFTERMATH_MS = (LEASE_SECONDS + 15) * 1000;
/** A database outage's 503s: the terminated requests, and the pool reconnecting. */
const OUTAGE_MS = 20_000;

type FaultKind = "latency-past-lease" | "5xx" | "429" | "hang";
const KINDS: FaultKind[] = ["latency-past-lease", "5xx", "429", "hang"];

function faultBody(kind: FaultKind, route: string): Record<string, unknown> {
  switch (kind) {
    case "latency-past-lease":
      return { route, latencyMs: (LEASE_SECONDS + 5) * 1000, count: 2 };
    case "5xx":
      return { route, status: [500, 502, 503][randomInt(0, 3)], count: 3 };
    case "429":
      return { route, status: 429, retryAfter: randomInt(1, 3), count: 3 };
    case "hang":
      return { route, hang: true, count: 1 };
  }
}

async function injectFault(
  emu: EmulatorEndpoints,
  log: ChaosLog,
  kind: FaultKind,
  pexip: boolean,
): Promise<void> {
  const base = pexip ? emu.pexipUrl : emu.graphUrl;
  const route = pexip ? [`POST ${PEXIP}conference/`, `* ${PEXIP}`][randomInt(0, 2)]! : `* ${GRAPH}`;
  const from = Date.now();
  const res = await fetch(`${base}/_emulator/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(faultBody(kind, route)),
  });
  if (res.status !== 201) throw new Error(`fault refused: ${res.status} ${await res.text()}`);
  const { id, remaining } = (await res.json()) as { id: number; remaining: number | null };
  const name = `${pexip ? "pexip" : "graph"} ${kind}`;
  log.faults.set(name, (log.faults.get(name) ?? 0) + 1);
  log.timeline.push({ at: from, what: `${name} armed on ${route}` });
  await sleep(ARMED_MS);
  // A fault that fired its count is gone from the list; one still armed says how often it fired.
  const armed = (await (await fetch(`${base}/_emulator/faults`)).json()) as Array<{
    id: number;
    fired: number;
  }>;
  const fired = armed.find((f) => f.id === id)?.fired ?? remaining ?? 0;
  log.fired.set(name, (log.fired.get(name) ?? 0) + fired);
  log.timeline.push({ at: Date.now(), what: `${name} disarmed (hit ${fired} calls)` });
  await fetch(`${base}/_emulator/faults/${id}`, { method: "DELETE" }); // 404: it fired out.
  log.providerWindows.push({ from, to: Date.now() + AFTERMATH_MS + PROVIDER_DEADLINE_MS });
}

const START_TRIES = 5;

/** Starts a killed instance again; a start that fails is tried again a moment later. */
async function startAgain(instances: Instances, index: number, log: ChaosLog): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await instances.restart(index);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      log.failedStarts.push(reason.slice(0, 300));
      log.timeline.push({ at: Date.now(), what: `soak-${index + 1} failed to start` });
      if (attempt >= START_TRIES) throw err;
      await sleep(2_000);
    }
  }
}

async function killAndRestart(instances: Instances, log: ChaosLog): Promise<void> {
  const index = randomInt(0, 2);
  if (instances.live().length < 2) return;
  log.timeline.push({ at: Date.now(), what: `SIGKILL soak-${index + 1}` });
  await instances.kill(index);
  log.kills++;
  await sleep(randomInt(1_000, 5_000));
  await startAgain(instances, index, log);
  log.restarts++;
  log.timeline.push({ at: Date.now(), what: `soak-${index + 1} listening again` });
}

async function terminateConnections(db: SoakDatabase, log: ChaosLog): Promise<void> {
  const from = Date.now();
  log.connectionsTerminated += await db.terminateAll();
  log.dbTerminations++;
  log.timeline.push({ at: from, what: "every database connection terminated" });
  log.databaseWindows.push({ from: from - 1_000, to: Date.now() + OUTAGE_MS });
}

type ChaosEvent = () => Promise<void>;

function shuffled<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(0, i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Runs events a few seconds apart until `until()` says stop: every kind once per round, in a
 * new random order each round, so that even a short run meets each of them.
 */
export async function runChaos(
  deps: { emu: EmulatorEndpoints; db: SoakDatabase; instances: Instances; log: ChaosLog },
  until: () => boolean,
): Promise<void> {
  const events: ChaosEvent[] = [
    ...KINDS.flatMap((kind) =>
      [true, false].map((pexip) => () => injectFault(deps.emu, deps.log, kind, pexip)),
    ),
    () => killAndRestart(deps.instances, deps.log),
    () => terminateConnections(deps.db, deps.log),
  ];
  const running: Array<Promise<void>> = [];
  let round: ChaosEvent[] = [];
  while (!until()) {
    await sleep(randomInt(3_000, 7_000));
    if (until()) break;
    if (round.length === 0) round = shuffled(events);
    // Faults overlap (each stays armed a while), a kill runs beside them.
    running.push(round.pop()!());
  }
  await Promise.all(running);
}

/** Ends every fault at once (the run's settling phase starts with healthy providers). */
export async function clearFaults(emu: EmulatorEndpoints): Promise<void> {
  for (const base of [emu.pexipUrl, emu.graphUrl])
    await fetch(`${base}/_emulator/faults`, { method: "DELETE" });
}
