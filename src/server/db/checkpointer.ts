// WAL checkpoints on a thread of their own. SQLite's automatic checkpoint runs inside whichever
// commit crosses its threshold (every ~40 creates here) and, with synchronous=NORMAL, fsyncs the
// WAL and the database file there: on the service's only JavaScript thread that stalled every
// request in flight for 5-20 ms (p99 of a create's SQLite time 10-16 ms; 0.4-0.8 ms without).
// A worker with its own connection checkpoints instead (PASSIVE: it never blocks the writer);
// the main connection keeps a much higher automatic threshold as a bound on the WAL, reached
// only when writes never pause long enough for the worker's checkpoint to let the WAL restart.
import { Module } from "node:module";
import { Worker } from "node:worker_threads";
import SqliteDatabase from "better-sqlite3";

/** The main connection's own checkpoint threshold, in pages (4 KiB): a WAL of at most ~40 MB. */
export const FALLBACK_AUTOCHECKPOINT_PAGES = 10_000;

export interface CheckpointerOptions {
  /** How often the worker checkpoints (a checkpoint with nothing to copy costs next to nothing). */
  intervalMs?: number;
  /** Told when a checkpoint fails (the main connection's threshold still bounds the WAL). */
  onError?: (message: string) => void;
}

export interface Checkpointer {
  /** Stops the worker after its current checkpoint and closes its connection. */
  stop(): Promise<void>;
}

// CommonJS, evaluated in the worker: this file is bundled into one ES module, so the worker gets
// its code as a string and the file of the better-sqlite3 this process loaded.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
const timer = setInterval(() => {
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
  } catch (err) {
    parentPort.postMessage({ error: String(err && err.message) });
  }
}, workerData.intervalMs);
parentPort.on("message", () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/**
 * better-sqlite3's file, found among the modules this process has loaded. A bundler rewrites
 * `require.resolve` and `import.meta` (and an eval'd worker resolves from the working directory),
 * so the module cache, which Node fills for CommonJS packages an ES module imports, is the
 * reliable source.
 */
function driverFile(): string {
  const cache = Module.createRequire(`${process.cwd()}/`).cache;
  for (const [file, loaded] of Object.entries(cache)) {
    if (loaded?.exports === SqliteDatabase) return file;
  }
  throw new Error("better-sqlite3 is not among the loaded modules");
}

export function startCheckpointer(file: string, options: CheckpointerOptions = {}): Checkpointer {
  const driver = driverFile();
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file, driver, intervalMs: options.intervalMs ?? 100 },
    // It holds one connection and a timer: a small heap is plenty.
    resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 2 },
    stdout: false,
    stderr: false,
  });
  // A checkpointer must never keep the process alive on its own.
  worker.unref();
  worker.on("message", (message: { error?: string }) => {
    if (message.error) options.onError?.(message.error);
  });
  worker.on("error", (err) => options.onError?.(err.message));
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  return {
    async stop() {
      // Held from here on: an unref'd worker lets a process with nothing else to do (the admin
      // command) end before the worker has closed its connection, and the stop never returns.
      worker.ref();
      worker.postMessage("stop");
      await exited;
    },
  };
}
