import { createServer, type Server } from "node:net";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startEmulators } from "../../src/emulators";
import { openStore } from "../../src/server/db/database";
import { explainStartupError } from "../../src/server/startup-errors";

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function occupyPort(): Promise<number> {
  const server = createServer();
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as { port: number }).port;
}

describe("explainStartupError", () => {
  it("names the taken port and its owner when an emulator cannot listen", async () => {
    const port = await occupyPort();
    const err = await startEmulators({ port: 0, pexip: { port } }).then(
      (emus) => emus.close().then(() => new Error("started on a taken port")),
      (e: unknown) => e,
    );
    const message = explainStartupError(err, {
      [port]: { what: "the Pexip emulator", change: "stop another `npm start`" },
    });
    expect(message).toContain(`port ${port} (the Pexip emulator) is taken`);
    expect(message).toContain("stop another `npm start`");
  });

  it("names the port even when it does not know the owner", async () => {
    const port = await occupyPort();
    const err = await new Promise<unknown>((resolve) => {
      const second = createServer();
      second.once("error", resolve);
      second.listen(port, "127.0.0.1", () => second.close(() => resolve(undefined)));
    });
    expect(explainStartupError(err)).toMatch(new RegExp(`^port ${port} is taken`));
  });

  it("names a data path that cannot be created", () => {
    // A file where a directory should be: fails the same way for root and other users.
    const dir = mkdtempSync(path.join(tmpdir(), "data-"));
    writeFileSync(path.join(dir, "data"), "");
    let err: unknown;
    try {
      openStore({ kind: "sqlite", path: path.join(dir, "data", "bookings.sqlite") });
    } catch (e) {
      err = e;
    }
    expect(explainStartupError(err)).toContain(`cannot create ${path.join(dir, "data")}`);
  });

  it("leaves errors it cannot explain to the caller", () => {
    expect(explainStartupError(new Error("something else"))).toBeUndefined();
    expect(explainStartupError("text")).toBeUndefined();
  });
});
