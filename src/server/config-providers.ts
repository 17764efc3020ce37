// PEXIP_* and GRAPH_* variables, mapped into the provider engineers' config schemas. The provider
// factories validate again, so a region's typo stops start-up with the variable's name.
import type { ServiceId } from "../shared";

/** Raw settings per service; `undefined` = that service is not configured. */
export type ProviderSettings = Partial<Record<ServiceId, Record<string, string>>>;

function withPrefix(
  env: Record<string, string | undefined>,
  prefix: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (name.startsWith(prefix) && value !== undefined) out[name] = value;
  }
  return out;
}

/** Pexip is on when PEXIP_BASE_URL is set, Teams when GRAPH_TENANT_ID is set. */
export function readProviderSettings(env: Record<string, string | undefined>): ProviderSettings {
  const pexip = withPrefix(env, "PEXIP_");
  const graph = withPrefix(env, "GRAPH_");
  return {
    ...(pexip.PEXIP_BASE_URL ? { pexip } : {}),
    ...(graph.GRAPH_TENANT_ID ? { teams: graph } : {}),
  };
}
