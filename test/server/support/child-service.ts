// Starts service-child.ts in its own Node process (one process: SIGKILL really kills it).
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export interface ChildService {
  url: string;
  process: ChildProcess;
  kill(): Promise<void>;
}

const SCRIPT = fileURLToPath(new URL("./service-child.ts", import.meta.url));

export async function startChildService(env: Record<string, string>): Promise<ChildService> {
  const child = spawn(process.execPath, ["--import", "tsx", SCRIPT], {
    env: { ...process.env, SVM_CHILD_ENV: JSON.stringify(env) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let buffer = "";
    const timer = setTimeout(
      () => reject(new Error(`child service did not start: ${stderr}`)),
      60_000,
    );
    child.stdout?.on("data", (d: Buffer) => {
      buffer += d.toString();
      const line = buffer.split("\n").find((l) => l.startsWith('{"url"'));
      if (line) {
        clearTimeout(timer);
        resolve((JSON.parse(line) as { url: string }).url);
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`child service exited (${code}): ${stderr}`));
    });
  });
  return {
    url,
    process: child,
    kill: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGKILL");
      }),
  };
}
