// The smoke test as a function: configuration, Entra ID, Graph, every meeting type on its real
// service, the join links' hosts. Everything it creates it deletes again, also when a check fails.
import { ConfigError, loadConfig, type Config } from "../src/server/config";
import {
  checkGraphToken,
  checkJwks,
  checkMetadata,
  checkUserToken,
  type FetchJson,
} from "./smoke-entra";
import { checkJoinHosts, checkPexip, checkTeams, type ProbeHost } from "./smoke-providers";
import { failed, ok, type CheckLine } from "./smoke-report";

export interface SmokeDeps {
  /** How the join links' hosts are tried (default: an https GET of the origin). */
  probeHost?: ProbeHost;
  /** How Entra ID's metadata and keys are fetched (default: fetch). */
  fetchJson?: FetchJson;
}

const TIMEOUT_MS = 10_000;

const defaultFetchJson: FetchJson = async (url) => {
  const res = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    body = undefined;
  }
  return { status: res.status, body };
};

const defaultProbeHost: ProbeHost = async (origin) => {
  const res = await fetch(origin, { redirect: "manual", signal: AbortSignal.timeout(TIMEOUT_MS) });
  await res.body?.cancel();
  return res.status;
};

function configLine(config: Config): CheckLine {
  const services = [config.providers.pexip && "Pexip", config.providers.teams && "Teams"].filter(
    Boolean,
  );
  return ok(
    "configuration",
    `valid (${services.join(" and ") || "no video service"}; meeting types ${config.policy.types.map((t) => t.id).join(", ")})`,
  );
}

/**
 * Runs every check against the systems `env` points at (the region's production environment
 * file plus SMOKE_ORGANIZER_OID and, optionally, SMOKE_USER_TOKEN).
 */
export async function runSmoke(
  env: Record<string, string | undefined>,
  deps: SmokeDeps = {},
): Promise<CheckLine[]> {
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    return [
      failed("configuration", err.message, "correct the variables named (docs/deploy.md §8)"),
    ];
  }
  const fetchJson = deps.fetchJson ?? defaultFetchJson;
  const authority = env.ENTRA_AUTHORITY_HOST || "https://login.microsoftonline.com";
  const lines: CheckLine[] = [configLine(config)];
  lines.push(...(await checkMetadata(config, authority, fetchJson)));
  lines.push(await checkJwks(config, fetchJson));
  lines.push(await checkUserToken(config, env.SMOKE_USER_TOKEN));
  if (config.providers.teams) lines.push(await checkGraphToken(config));
  const organizer = env.SMOKE_ORGANIZER_OID || env.GRAPH_PROBE_ORGANIZER_OID;
  const teams = await checkTeams(config, organizer);
  const pexip = await checkPexip(config);
  lines.push(...teams.lines, ...pexip.lines);
  lines.push(
    ...(await checkJoinHosts(
      [...pexip.joinUrls, ...teams.joinUrls],
      deps.probeHost ?? defaultProbeHost,
    )),
  );
  return lines;
}
