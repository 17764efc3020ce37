// `npm run emulators`: all three emulators on loopback until Ctrl+C.
import { parseArgs } from "node:util";
import { startEmulators, type Emulators } from "./all-emulators";

const USAGE = `Usage: npm run emulators -- [--port 0] [--pexip-port N] [--graph-port N] [--entra-port N]
  Defaults: Pexip 3001, Graph 3002, Entra ID 3003. --port 0 picks free ports for all three.
`;

function portOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`${name} must be a port number`);
  return port;
}

function describe(emus: Emulators): string {
  const { pexip, graph, entra } = emus;
  const client = entra.clients[0];
  const indent = (text: string) => text.trimEnd().replace(/^/gm, "      ");
  return [
    "Skyddat vårdmöte emulators (loopback only; dev credentials, never for production)",
    "",
    `  Pexip Infinity  ${pexip.url}`,
    `    management API ${pexip.url}/api/admin/configuration/v1/   join pages ${pexip.url}/webapp/m/<alias>/`,
    pexip.basic ? `    Basic: ${pexip.basic.username} / ${pexip.basic.password}` : "    Basic: off",
    ...(pexip.oauth2
      ? [
          `    OAuth2 client ${pexip.oauth2.clientId}, token URL ${pexip.oauth2.tokenUrl}, ES256 private key:`,
          indent(pexip.oauth2.privateKeyPem),
        ]
      : []),
    "",
    `  Microsoft Graph ${graph.url}`,
    `    ${graph.url}/v1.0/users/{oid}/onlineMeetings (app tokens from the Entra ID emulator)`,
    "",
    `  Entra ID        ${entra.url}`,
    `    tenant ${entra.tenantId} (${entra.tenantDomain}), issuer ${entra.issuer}`,
    `    discovery ${entra.discoveryUrl}`,
    `    token ${entra.tokenUrl}`,
    client
      ? `    client ${client.clientId}${client.secret ? `, secret ${client.secret}` : ""}`
      : "",
    `    service audience ${entra.apiAppId}, scope ${entra.apiScope}`,
    `    user token: curl -X POST ${entra.url}/_emulator/users/token -H 'content-type: application/json' -d '{"user":"anna"}'`,
    "",
    "  Every emulator: GET /_emulator/state, POST /_emulator/reset, POST /_emulator/faults",
    "Press Ctrl+C to stop.",
    "",
  ].join("\n");
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      "pexip-port": { type: "string" },
      "graph-port": { type: "string" },
      "entra-port": { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const all = portOption(values.port, "--port");
  if (all !== undefined && all !== 0)
    throw new Error("--port only takes 0 (free ports); use --pexip-port etc.");
  const emus = await startEmulators({
    port: all === 0 ? 0 : undefined,
    pexip: { port: portOption(values["pexip-port"], "--pexip-port") },
    graph: { port: portOption(values["graph-port"], "--graph-port") },
    entra: { port: portOption(values["entra-port"], "--entra-port") },
  });
  process.stdout.write(describe(emus));
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping the emulators…\n`);
    void emus.close().then(() => process.exit(0));
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
  process.exit(2);
});
