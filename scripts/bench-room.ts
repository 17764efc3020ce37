// The waiting room's upstream load: how many Pexip status calls one service instance makes per
// minute for a room watched by 1 and by 50 panes (server-sent event streams over real HTTP),
// with a patient waiting. Counted, not timed: the service's own provider-call counter
// (svm_provider_calls_total{operation="status"}) over a fixed stretch of wall-clock time.
//
//   npx tsx scripts/bench-room.ts            (also part of `npm run bench`)
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ENTRA_DEFAULTS, startEmulators } from "../src/emulators";
import { buildApp } from "../src/server/app";
import { loadConfig } from "../src/server/config";
import { openStore } from "../src/server/db/database";
import { migrateToLatest } from "../src/server/db/migrate";
import { createProviders } from "../src/server/providers";
import { createLogger } from "../src/server/logger";
import { CreateMeetingResponse } from "../src/shared";

const SECONDS = Number(process.env.BENCH_ROOM_SECONDS ?? 30);
const POLL_SECONDS = 3;
const PANES = [1, 50];

async function statusCalls(registry: { getSingleMetricAsString(name: string): Promise<string> }) {
  const text = await registry.getSingleMetricAsString("svm_provider_calls_total");
  let total = 0;
  for (const line of text.split("\n"))
    if (line.includes('operation="status"')) total += Number(line.split(" ").pop());
  return total;
}

/** Opens a pane's event stream and counts the room events it receives. */
function openPane(url: string, headers: Record<string, string>) {
  const controller = new AbortController();
  const pane = { events: 0, close: () => controller.abort() };
  void (async () => {
    try {
      const res = await fetch(url, { headers, signal: controller.signal });
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        pane.events += value.split("event: room").length - 1;
      }
    } catch {
      // aborted at the end of the run
    }
  })();
  return pane;
}

export async function benchRoom(): Promise<Record<string, string>> {
  const emu = await startEmulators({ port: 0 });
  const dir = mkdtempSync(path.join(tmpdir(), "svm-bench-room-"));
  const config = loadConfig({
    PUBLIC_ORIGIN: "https://addin.region.example",
    STATIC_DIR: "/nonexistent-static-dir",
    ENTRA_AUTHORITY_HOST: emu.entra.url,
    ENTRA_TENANT_IDS: emu.entra.tenantId,
    ENTRA_API_APP_ID: emu.entra.apiAppId,
    ENTRA_JWKS_URL: emu.entra.jwksUrl,
    CLIENT_SIGN_IN: "emulator",
    EMULATOR_TOKEN_URL: `${emu.entra.url}/_emulator/users/token`,
    PEXIP_MANAGEMENT_URL: emu.pexip.url,
    PEXIP_NODE_URL: emu.pexip.url,
    PEXIP_SIP_DOMAIN: "vmr.region.example",
    PEXIP_USERNAME: "svm-api",
    PEXIP_PASSWORD: "dev-password-not-for-production",
    GRAPH_URL: `${emu.graph.url}/v1.0`,
    GRAPH_AUTHORITY_URL: emu.entra.url,
    GRAPH_TENANT_ID: emu.entra.tenantId,
    GRAPH_CLIENT_ID: emu.entra.apiAppId,
    GRAPH_CLIENT_SECRET: ENTRA_DEFAULTS.clientSecret,
    MANAGE_KEY_HMAC_SECRET: Buffer.alloc(32, 7).toString("base64"),
    HOST_SECRET_KEY: Buffer.alloc(32, 9).toString("base64"),
    SQLITE_PATH: path.join(dir, "bookings.sqlite"),
    JOBS_ENABLED: "false",
    LOG_LEVEL: "silent",
    RATE_LIMIT_PER_USER: "10000",
    ROOM_POLL_SECONDS: String(POLL_SECONDS),
  });
  const store = openStore(config.database);
  await migrateToLatest(store.db);
  const app = await buildApp({
    config,
    db: store.db,
    providers: createProviders(config.providers),
    logger: createLogger("silent"),
  });
  const base = await app.listen({ port: 0, host: "127.0.0.1" });
  const figures: Record<string, string> = {};
  try {
    const token = (await emu.entra.issueUserToken({ user: "anna" })).access_token;
    const auth = { authorization: `Bearer ${token}` };
    for (const count of PANES) {
      const start = new Date(Date.now() + 3_600_000);
      const res = await app.inject({
        method: "POST",
        url: "/api/v1/meetings",
        headers: auth,
        payload: {
          type: "care",
          start: start.toISOString(),
          end: new Date(start.getTime() + 3_600_000).toISOString(),
        },
      });
      const made = CreateMeetingResponse.parse(res.json());
      emu.pexip.join({ alias: made.booking.join.alias!, displayName: "Patient", role: "guest" });
      const before = await statusCalls(app.metrics.registry);
      const url = `${base}/api/v1/meetings/${made.booking.id}/room/events`;
      const panes = Array.from({ length: count }, () =>
        openPane(url, { ...auth, "x-manage-key": made.manageKey }),
      );
      await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
      const calls = (await statusCalls(app.metrics.registry)) - before;
      for (const pane of panes) pane.close();
      const events = panes.reduce((sum, pane) => sum + pane.events, 0);
      // Nobody watches any more (once the service has seen every stream close): the loop stops.
      while (app.roomHub.watched > 0) await new Promise((resolve) => setTimeout(resolve, 20));
      // Polls started from here on (one already in flight when the last pane left is not one).
      const closed = app.roomHub.upstreamPolls;
      await new Promise((resolve) => setTimeout(resolve, 2 * POLL_SECONDS * 1000));
      figures[`${count} pane(s): polls started in ${2 * POLL_SECONDS} s after all closed`] = String(
        app.roomHub.upstreamPolls - closed,
      );
      figures[`${count} pane(s): upstream status calls in ${SECONDS} s`] = String(calls);
      figures[`${count} pane(s): upstream status calls per minute`] = (
        (calls * 60) /
        SECONDS
      ).toFixed(1);
      figures[`${count} pane(s): room events delivered (all panes)`] = String(events);
    }
    figures[`poll interval (ROOM_POLL_SECONDS)`] = `${POLL_SECONDS} s`;
  } finally {
    await app.close();
    await store.close();
    await emu.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [label, value] of Object.entries(await benchRoom()))
    process.stdout.write(`${label.padEnd(64)} ${value}\n`);
}
