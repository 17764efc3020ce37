// The chaos soak (issue 12): two production instances on PostgreSQL against the emulators,
// clients booking and changing meetings while providers fail, an instance is SIGKILLed and the
// database drops every connection; then the repair jobs settle and the invariants are checked.
import { randomInt } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { createApiClient, newResponseLog, type ResponseLog } from "./api";
import { type ChaosLog, clearFaults, newChaosLog, runChaos } from "./chaos";
import { type Ledger, newLedger, runClient } from "./clients";
import { createSoakDatabase } from "./database";
import {
  awaitingSweep,
  deletedLiveRooms,
  keyViolations,
  roomViolations,
  serverErrorViolations,
  type Snapshot,
  settled,
  snapshot,
} from "./invariants";
import { startEmulatorsChild, startInstances } from "./stack";

export interface SoakOptions {
  minutes: number;
  /** Concurrent users. */
  clients: number;
  /** Upper bound on the settling phase (the repair jobs finishing what the chaos left). */
  settleSeconds: number;
  /** Progress lines (stderr in the CLI). */
  progress?: (line: string) => void;
}

export interface SoakResult {
  ledger: Ledger;
  responses: ResponseLog;
  chaos: ChaosLog;
  crashes: Array<{ name: string; stderr: string }>;
  settledAfterSeconds: number | null;
  /** What the jobs did (the audit table's system actions: reconcile.orphan-deleted, cleanup …). */
  jobActions: Map<string, number>;
  invariants: Array<{ name: string; violations: string[] }>;
  violations: number;
  final: {
    active: number;
    removed: number;
    other: number;
    pexipRooms: number;
    teamsMeetings: number;
    /** Unowned Pexip rooms younger than the orphan sweep's minimum age. */
    awaitingSweep: number;
  };
}

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const progress = options.progress ?? (() => undefined);
  const db = await createSoakDatabase();
  const emulators = await startEmulatorsChild().catch(async (err: unknown) => {
    await db.drop();
    throw err;
  });
  const emu = emulators.ready;
  let instances: Awaited<ReturnType<typeof startInstances>> | undefined;
  try {
    instances = await startInstances(emu, db);
    const live = instances;
    progress(
      `soak: database ${db.name}, instances ${live
        .live()
        .map((i) => i.url)
        .join(" ")}`,
    );
    const ledger = newLedger();
    const responses = newResponseLog();
    const chaos = newChaosLog();
    const endAt = Date.now() + options.minutes * 60_000;
    const giveUpAt = endAt + options.settleSeconds * 1000;
    const over = () => Date.now() >= endAt;
    const clients = Array.from({ length: options.clients }, (_, n) =>
      runClient(
        createApiClient({
          user: `soak-user-${n + 1}`,
          entraUrl: emu.entraUrl,
          pickInstance: () => {
            const up = live.live();
            return up[randomInt(0, Math.max(up.length, 1))]?.url;
          },
          log: responses,
          giveUpAt: () => giveUpAt,
        }),
        ledger,
        over,
      ),
    );
    const ticker = setInterval(() => {
      const done = [...ledger.done.values()].reduce((a, b) => a + b, 0);
      progress(
        `soak: ${Math.ceil((endAt - Date.now()) / 60_000)} min left, ${done} operations, ${chaos.kills} kills, ${chaos.dbTerminations} db terminations`,
      );
    }, 60_000);
    try {
      await runChaos({ emu, db, instances: live, log: chaos }, over);
      await clearFaults(emu);
      await Promise.all(clients);
    } finally {
      clearInterval(ticker);
    }

    // Settle: the repair and cleanup jobs finish what the chaos left (bounded).
    const settleStart = Date.now();
    let last: Snapshot = await snapshot(db, emu);
    let settledAfterSeconds: number | null = null;
    while (Date.now() - settleStart < options.settleSeconds * 1000) {
      last = await snapshot(db, emu);
      if (settled(last)) {
        settledAfterSeconds = Math.round((Date.now() - settleStart) / 1000);
        break;
      }
      await sleep(1_000);
    }
    const invariants = [
      {
        name: "every Idempotency-Key → exactly one booking, settled",
        violations: keyViolations(last, ledger),
      },
      {
        name: "Pexip rooms and Teams meetings ↔ active bookings, one to one",
        violations: roomViolations(last),
      },
      { name: "no live room deleted", violations: deletedLiveRooms(last, ledger) },
      {
        name: "no 5xx but 503 in a database outage (or a provider's 503/504 while faulted)",
        violations: serverErrorViolations(responses, chaos),
      },
      {
        name: "no instance exited unasked",
        violations: instances.crashes.map((c) => `${c.name}: ${c.stderr.slice(-500)}`),
      },
    ];
    const jobActions = new Map(
      (
        await db.query<{ action: string; n: string }>(
          "SELECT action, count(*) AS n FROM audit_events WHERE actor_oid = 'system' GROUP BY action",
        )
      ).map((r) => [r.action, Number(r.n)]),
    );
    const lifecycles = [...last.bookings.values()].map((b) => b.lifecycle);
    return {
      ledger,
      responses,
      chaos,
      crashes: instances.crashes,
      settledAfterSeconds,
      jobActions,
      invariants,
      violations: invariants.reduce((n, i) => n + i.violations.length, 0),
      final: {
        active: lifecycles.filter((l) => l === "active").length,
        removed: lifecycles.filter((l) => l === "removed").length,
        other: lifecycles.filter((l) => l !== "active" && l !== "removed").length,
        pexipRooms: [...last.rooms.pexip.values()].flat().length,
        teamsMeetings: [...last.rooms.teams.values()].flat().length,
        awaitingSweep: awaitingSweep(last),
      },
    };
  } finally {
    await instances?.stopAll();
    await emulators.stop();
    await db.drop();
  }
}
