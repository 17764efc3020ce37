// Where each meeting type's join links may go: what the policy says, else the provider's own
// host (the Pexip Conferencing Node of PEXIP_NODE_URL; teams.microsoft.com is the schema's
// default). The pane gets the union in client-config and offers a block's link only there.
import type { Policy } from "../shared";
import type { ProviderSettings } from "./config-providers";

function hostOf(url: string | undefined): string | null {
  if (url === undefined) return null;
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return null;
  }
}

/** The policy with every Pexip type's `joinHosts` filled in from PEXIP_NODE_URL when unset. */
export function withJoinHosts(policy: Policy, providers: ProviderSettings): Policy {
  const node = hostOf(providers.pexip?.nodeUrl);
  if (node === null || policy.types.every((type) => type.joinHosts !== undefined)) return policy;
  return {
    ...policy,
    types: policy.types.map((type) =>
      type.service === "pexip" && type.joinHosts === undefined
        ? { ...type, joinHosts: [node] }
        : type,
    ),
  };
}

/** Every type's join hosts, once each. */
export function allJoinHosts(policy: Policy): string[] {
  return [...new Set(policy.types.flatMap((type) => type.joinHosts ?? []))];
}
