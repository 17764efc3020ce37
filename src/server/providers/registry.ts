// One factory per provider (style anchors "What to absorb" 1): the service asks for providers by
// service id and never learns which configuration or vendor API is behind one.
import type { Policy, ServiceId } from "../../shared";
import { AppError } from "../errors";
import { createPexipProvider, type PexipConfigInput } from "./pexip";
import type { ProviderDeps } from "./provider-deps";
import { createTeamsProvider, type TeamsConfigInput } from "./teams";
import type { VideoProvider } from "./video-provider";

export interface ProvidersConfig {
  pexip?: PexipConfigInput;
  teams?: TeamsConfigInput;
}

/** Unconfigured services are undefined. */
export type Providers = Record<ServiceId, VideoProvider | undefined>;

const FACTORIES: {
  [S in ServiceId]: (config: NonNullable<ProvidersConfig[S]>, deps: ProviderDeps) => VideoProvider;
} = {
  pexip: createPexipProvider,
  teams: createTeamsProvider,
};

/** Builds every configured provider; a bad configuration throws a ZodError at start-up. */
export function createProviders(config: ProvidersConfig, deps: ProviderDeps = {}): Providers {
  return {
    pexip: config.pexip && FACTORIES.pexip(config.pexip, deps),
    teams: config.teams && FACTORIES.teams(config.teams, deps),
  };
}

/** The provider for a service, or AppError "provider_unavailable" when it is not configured. */
export function getProvider(providers: Partial<Providers>, service: ServiceId): VideoProvider {
  const provider = providers[service];
  if (!provider) throw new AppError("provider_unavailable", `no ${service} provider configured`);
  return provider;
}

/** Services the policy's types use but nobody configured: start-up should refuse to run. */
export function missingProviders(policy: Policy, providers: Partial<Providers>): ServiceId[] {
  const needed = new Set(policy.types.map((type) => type.service));
  return [...needed].filter((service) => !providers[service]);
}
