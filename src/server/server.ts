// Production entry: `node dist/server/server.js`. Reads the environment (config.ts), builds the
// service, listens, closes gracefully. A wrong or missing variable stops it with its name.
import { readFileSync } from "node:fs";
import { ConfigError, loadConfig } from "./config";
import { describeProbeFailure, probeUncertainSettings } from "./providers/teams";
import { closeOnSignals, createService } from "./service";
import { explainStartupError } from "./startup-errors";

function fail(message: string): never {
  process.stderr.write(`skyddat-vardmote: ${message}\n`);
  process.exit(1);
}

function readTls(certFile: string, keyFile: string): { cert: Buffer; key: Buffer } {
  const read = (file: string, variable: string) => {
    try {
      return readFileSync(file);
    } catch (err) {
      return fail(`${variable}: cannot read ${file} (${(err as NodeJS.ErrnoException).code})`);
    }
  };
  return { cert: read(certFile, "TLS_CERT_FILE"), key: read(keyFile, "TLS_KEY_FILE") };
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
  const tls = files ? readTls(files.certFile, files.keyFile) : undefined;
  const service = await createService(config, { https: tls });
  closeOnSignals(service.close, (line) => service.app.log.info(line));
  const listening = async () => {
    const url = await service.app.listen({ port: config.server.port, host: config.server.host });
    const metricsUrl = await service.metricsApp.listen({
      port: config.metrics.port,
      host: config.metrics.host,
    });
    return { url, metricsUrl: `${metricsUrl}/metrics` };
  };
  const bound = await listening().catch(async (err: unknown) => {
    await service.close();
    throw err;
  });
  // The bound addresses, whatever LOG_LEVEL says (PORT=0 / METRICS_PORT=0 pick free ports).
  process.stdout.write(`${JSON.stringify({ msg: "listening", ...bound })}\n`);
}

main().catch((err: unknown) =>
  fail(
    explainStartupError(err, {
      [Number(process.env.PORT ?? 3000)]: {
        what: "this service's PORT",
        change: "set PORT to a free port",
      },
    }) ?? (err instanceof Error ? (err.stack ?? err.message) : String(err)),
  ),
);
