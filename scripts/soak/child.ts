// Child processes of the soak: started, awaited until they print the JSON line that says where
// they listen, and stopped. The last lines of each one's stderr are kept for the report.
import { type ChildProcess, spawn } from "node:child_process";

export interface Child<T> {
  process: ChildProcess;
  ready: T;
  /** The tail of its stderr (a crash's stack). */
  stderr(): string;
  alive(): boolean;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

const TAIL = 4_000;

/** Spawns `node args…` and resolves with the first stdout JSON line that `pick` accepts. */
export function startChild<T>(
  args: string[],
  env: Record<string, string>,
  pick: (line: Record<string, unknown>) => T | undefined,
  cwd?: string,
): Promise<Child<T>> {
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    cwd,
  });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-TAIL);
  });
  const alive = () => child.exitCode === null && child.signalCode === null;
  return new Promise((resolve, reject) => {
    let buffer = "";
    let resolved = false;
    child.stdout?.on("data", (d: Buffer) => {
      if (resolved) return; // The rest of stdout is drained unread (log lines).
      buffer += d.toString();
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) {
        if (!line.startsWith("{")) continue;
        let ready: T | undefined;
        try {
          ready = pick(JSON.parse(line) as Record<string, unknown>);
        } catch {
          continue;
        }
        if (ready === undefined) continue;
        resolved = true;
        resolve({
          process: child,
          ready,
          stderr: () => stderr,
          alive,
          stop: (signal = "SIGTERM") =>
            new Promise<void>((done) => {
              if (!alive()) return done();
              child.once("exit", () => done());
              child.kill(signal);
            }),
        });
        return;
      }
    });
    child.once("exit", (code, signal) => {
      if (!resolved) reject(new Error(`${args.at(-1)} exited (${code ?? signal}): ${stderr}`));
    });
  });
}
