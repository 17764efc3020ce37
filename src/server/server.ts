// Production entry: `node dist/server/server.js`. Reads the environment (config.ts), builds the
// service, listens, closes gracefully. A wrong or missing variable stops it with its name.
import { readFileSync } from "node:fs";
import { ConfigError, loadConfig } from "./config";
import { describeProbeFailure, probeUncertainSettings } from "./providers/teams";
import { closeOnSignals, createService } from "./service";

function fail(message: string): never {
  process.stderr.write(`skyddat-vardmote: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
  // A meeting type the tenant cannot protect is refused now, not after a clinician's click.
  const unbookable = await probeUncertainSettings(config.providers.teams, config.policy);
  if (unbookable.length > 0) fail(unbookable.map(describeProbeFailure).join("\n"));
  const files = config.server.tls;
  const tls = files
    ? { cert: readFileSync(files.certFile), key: readFileSync(files.keyFile) }
    : undefined;
  const service = await createService(config, { https: tls });
  closeOnSignals(service.close, (line) => service.app.log.info(line));
  const url = await service.app.listen({ port: config.server.port, host: config.server.host });
  const metricsUrl = await service.metricsApp.listen({
    port: config.metrics.port,
    host: config.metrics.host,
  });
  // The bound addresses, whatever LOG_LEVEL says (PORT=0 / METRICS_PORT=0 pick free ports).
  process.stdout.write(
    `${JSON.stringify({ msg: "listening", url, metricsUrl: `${metricsUrl}/metrics` })}\n`,
  );
}

main().catch((err: unknown) =>
  fail(err instanceof Error ? (err.stack ?? err.message) : String(err)),
);
