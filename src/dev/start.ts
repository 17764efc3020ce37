// `npm start`, the embedded default: the Pexip, Graph and Entra ID emulators
// in-process on 3001–3003, and the booking service on http://localhost:3000 (https with the
// Office development certificate when HTTPS=1) with SQLite in ./data/, serving the add-in.
// Production code never imports the emulators: only this file brings the two together.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { homedir } from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { ENTRA_DEFAULTS, PEXIP_DEV_BASIC, startEmulators, type Emulators } from "../emulators";
import { ConfigError, loadConfig, type Config } from "../server/config";
import { closeOnSignals, createService } from "../server/service";
import { explainStartupError, type PortOwner } from "../server/startup-errors";
import { pageHelmet } from "../server/web/security";
import { HARNESS_DIR, registerHarnessRoutes } from "./harness-routes";

const out = (line: string) => process.stdout.write(`${line}\n`);
const HTTPS = process.env.HTTPS === "1";
const PORT = Number(process.env.PORT ?? 3000);
const DATA = path.resolve("data");

/** Who listens where, so a taken port is named with its owner (the emulators' ports are fixed). */
const PORTS: Record<number, PortOwner> = {
  3001: { what: "the Pexip emulator", change: "stop another `npm start` or `npm run emulators`" },
  3002: { what: "the Graph emulator", change: "stop another `npm start` or `npm run emulators`" },
  3003: {
    what: "the Entra ID emulator",
    change: "stop another `npm start` or `npm run emulators`",
  },
  [PORT]: { what: "the booking service", change: "choose another port with PORT=… npm start" },
};

/** What dev-only route sets get: the config, the emulators, and headers fit for pages. */
export interface DevContext {
  config: Config;
  emulators: Emulators;
  pageHelmet: ReturnType<typeof pageHelmet>;
}

/**
 * Dev-only routes, registered on the app before it listens (the harness adds itself here).
 * Their pages need `{ helmet: ctx.pageHelmet }` in the route options: the API's headers forbid
 * scripts and framing.
 */
const DEV_ROUTES: Array<(app: FastifyInstance, ctx: DevContext) => void | Promise<void>> = [
  (app, ctx) =>
    registerHarnessRoutes(app, {
      distDir: ctx.config.server.staticDir,
      callers: ctx.emulators.pexip,
      harnessDir: path.resolve(HARNESS_DIR),
    }),
];

function fail(message: string): never {
  process.stderr.write(`npm start: ${message}\n`);
  process.exit(1);
}

/** Keys generated once and kept in ./data/, so bookings survive a restart. */
function devKeys(): { MANAGE_KEY_HMAC_SECRET: string; HOST_SECRET_KEY: string } {
  const file = path.join(DATA, "dev-keys.json");
  if (existsSync(file)) {
    try {
      return JSON.parse(readFileSync(file, "utf8"));
    } catch (err) {
      fail(
        `${file} is not valid JSON (${(err as Error).message}): delete it and start again (new keys; bookings made with the old ones can no longer be managed)`,
      );
    }
  }
  mkdirSync(DATA, { recursive: true });
  const keys = {
    MANAGE_KEY_HMAC_SECRET: randomBytes(32).toString("base64"),
    HOST_SECRET_KEY: randomBytes(32).toString("base64"),
  };
  writeFileSync(file, JSON.stringify(keys, null, 2), { mode: 0o600 });
  return keys;
}

function officeDevCertificate(): { cert: Buffer; key: Buffer } {
  const dir = path.join(homedir(), ".office-addin-dev-certs");
  const cert = path.join(dir, "localhost.crt");
  const key = path.join(dir, "localhost.key");
  if (!existsSync(cert) || !existsSync(key))
    fail(
      `HTTPS=1 needs the Office development certificate in ${dir}: run \`npx office-addin-dev-certs install\` first`,
    );
  return { cert: readFileSync(cert), key: readFileSync(key) };
}

/** The embedded default's environment; anything set in the real environment wins. */
function embeddedEnv(emu: Emulators, origin: string): Record<string, string | undefined> {
  return {
    PORT: String(PORT),
    HOST: "127.0.0.1",
    PUBLIC_ORIGIN: origin,
    SQLITE_PATH: path.join(DATA, "bookings.sqlite"),
    ENTRA_AUTHORITY_HOST: emu.entra.url,
    ENTRA_TENANT_IDS: emu.entra.tenantId,
    ENTRA_API_APP_ID: emu.entra.apiAppId,
    ENTRA_JWKS_URL: emu.entra.jwksUrl,
    CLIENT_SIGN_IN: "emulator",
    EMULATOR_TOKEN_URL: `${emu.entra.url}/_emulator/users/token`,
    ORGANISATION_DOMAINS: emu.entra.tenantDomain,
    PEXIP_MANAGEMENT_URL: emu.pexip.url,
    PEXIP_NODE_URL: emu.pexip.url,
    PEXIP_SIP_DOMAIN: "vmr.region.example.se",
    PEXIP_USERNAME: PEXIP_DEV_BASIC.username,
    PEXIP_PASSWORD: PEXIP_DEV_BASIC.password,
    GRAPH_URL: `${emu.graph.url}/v1.0`,
    GRAPH_AUTHORITY_URL: emu.entra.url,
    GRAPH_TENANT_ID: emu.entra.tenantId,
    GRAPH_CLIENT_ID: emu.entra.apiAppId,
    GRAPH_CLIENT_SECRET: ENTRA_DEFAULTS.clientSecret,
    LOG_LEVEL: "warn",
    ...devKeys(),
    ...process.env,
  };
}

async function main(): Promise<void> {
  let emulators: Emulators;
  try {
    emulators = await startEmulators();
  } catch (err) {
    fail(explainStartupError(err, PORTS) ?? String(err));
  }
  const origin = `${HTTPS ? "https" : "http"}://localhost:${PORT}`;
  let config: Config;
  try {
    config = loadConfig(embeddedEnv(emulators, origin));
  } catch (err) {
    await emulators.close();
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
  const service = await createService(config, HTTPS ? { https: officeDevCertificate() } : {});
  const ctx: DevContext = { config, emulators, pageHelmet: pageHelmet(config) };
  for (const register of DEV_ROUTES) await register(service.app, ctx);
  closeOnSignals(async () => {
    await service.close();
    await emulators.close();
  }, out);
  try {
    await service.app.listen({ port: PORT, host: "127.0.0.1" });
  } catch (err) {
    await service.close();
    await emulators.close();
    const explained = explainStartupError(err, PORTS);
    if (explained !== undefined) fail(explained);
    throw err;
  }
  out(
    `Skyddat vårdmöte, embedded default (emulators, SQLite in ${path.relative(".", config.database.kind === "sqlite" ? config.database.path : "")})`,
  );
  out(
    `  Outlook harness  ${origin}/harness.html   ← open this: an appointment form with the add-in`,
  );
  out(`  Task pane        ${origin}/taskpane.html`);
  out(`  Manifest         ${origin}/manifest.xml`);
  out(
    `  Booking API      ${origin}/api/v1/meeting-types   (OpenAPI: ${origin}/openapi.json${config.server.swaggerUi ? `, Swagger UI: ${origin}/docs` : ""})`,
  );
  // Metrics on their own loopback port as in production; a taken port only costs the metrics.
  let metricsUrl = "(not served: METRICS_PORT is taken)";
  try {
    metricsUrl = `${await service.metricsApp.listen({ port: config.metrics.port, host: config.metrics.host })}/metrics`;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EADDRINUSE") throw err;
  }
  out(`  Health           ${origin}/readyz   metrics: ${metricsUrl}`);
  out(
    `  Pexip emulator   ${emulators.pexip.url}   Graph: ${emulators.graph.url}   Entra ID: ${emulators.entra.url}`,
  );
  out(
    `  A user token:    curl -s -XPOST ${emulators.entra.url}/_emulator/users/token -d '{"user":"anna"}' -H 'content-type: application/json'`,
  );
  if (!HTTPS) out("  (Outlook itself needs https: HTTPS=1 npm start, see README)");
  out("Ctrl-C stops everything.");
}

main().catch((err: unknown) =>
  fail(
    explainStartupError(err, PORTS) ??
      (err instanceof Error ? (err.stack ?? err.message) : String(err)),
  ),
);
