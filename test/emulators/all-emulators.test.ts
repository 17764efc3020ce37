import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { startEmulators } from "../../src/emulators";
import { call, graph, graphAppToken } from "./helpers";

describe("startEmulators", () => {
  it("starts all three on loopback, Graph trusting the Entra emulator", async () => {
    const emus = await startEmulators({ port: 0 });
    try {
      const urls = [emus.pexip.url, emus.graph.url, emus.entra.url];
      expect(new Set(urls).size).toBe(3);
      for (const url of urls) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const token = await graphAppToken(emus.entra);
      const res = await graph(emus.graph.url, token)(
        "POST",
        `/v1.0/users/${emus.entra.oidFor("anna")}/onlineMeetings/createOrGet`,
        { externalId: "wired" },
      );
      expect(res.status).toBe(201);
    } finally {
      await emus.close();
    }
    await expect(fetch(`${emus.pexip.url}/_emulator/state`)).rejects.toThrow();
  });

  it("closes what it started when a port is taken", async () => {
    const first = await startEmulators({ port: 0 });
    try {
      await expect(
        startEmulators({ port: 0, pexip: { port: first.pexip.port } }),
      ).rejects.toThrow();
    } finally {
      await first.close();
    }
  });
});

describe("npm run emulators (the CLI)", () => {
  it("prints the three addresses and stops cleanly on SIGTERM", async () => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "src/emulators/cli.ts", "--port", "0"],
      {
        cwd: new URL("../..", import.meta.url).pathname,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let out = "";
    child.stdout.setEncoding("utf8");
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk: string) => {
        out += chunk;
        if (out.includes("Press Ctrl+C")) resolve();
      });
      child.once("exit", (code) => reject(new Error(`exited early (${code}): ${out}`)));
    });
    const address = (label: string) =>
      new RegExp(`${label}\\s+(http://127\\.0\\.0\\.1:\\d+)`).exec(out)?.[1];
    const pexip = address("Pexip Infinity");
    const graphUrl = address("Microsoft Graph");
    const entra = address("Entra ID");
    expect(pexip && graphUrl && entra).toBeTruthy();
    expect(out).toContain("svm-api / dev-password-not-for-production");
    expect(out).toContain("dev-secret-not-for-production");
    expect((await call(pexip!, "GET", "/_emulator/state")).status).toBe(200);
    expect(
      (await call(entra!, "POST", "/_emulator/users/token", { body: { user: "anna" } })).status,
    ).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    await expect(fetch(`${graphUrl!}/_emulator/state`)).rejects.toThrow();
  });

  it("refuses a bad port with exit code 2", async () => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "src/emulators/cli.ts", "--pexip-port", "x"],
      {
        cwd: new URL("../..", import.meta.url).pathname,
        stdio: ["ignore", "ignore", "pipe"],
      },
    );
    expect(await new Promise((resolve) => child.once("exit", resolve))).toBe(2);
  });
});
