// One factory per provider (style anchors "What to absorb" 1): the service asks for providers by
// service id and never learns which configuration or vendor API is behind one.
import { type Policy, ServiceId } from "../../shared";
import { AppError } from "../errors";
import { createPexipProvider, type PexipConfigInput } from "./pexip";
import type { ProviderDeps } from "./provider-deps";
import { createTeamsProvider, type TeamsConfigInput } from "./teams";
import type { VideoProvider } from "./video-provider";

export interface ProvidersConfig {
  pexip?: PexipConfigInput;
  teams?: TeamsConfigInput;
}

/** Unconfigured services are absent (or undefined). */
export type Providers = Partial<Record<ServiceId, VideoProvider>>;

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

/**
 * The one lookup by service id: the configured provider, or undefined. `service` is any string
 * (a stored row's service column), so only the service ids themselves are looked up.
 */
export function findProvider(providers: Providers, service: string): VideoProvider | undefined {
  return ServiceId.safeParse(service).success ? providers[service as ServiceId] : undefined;
}

/** The provider for a service, or AppError "provider_unavailable" when it is not configured. */
export function getProvider(providers: Providers, service: string): VideoProvider {
  const provider = findProvider(providers, service);
  if (!provider) throw new AppError("provider_unavailable", `no ${service} provider configured`);
  return provider;
}

/**
 * Services the policy's types use but nobody configured (providers, or their settings):
 * start-up should refuse to run.
 */
export function missingProviders(
  policy: Policy,
  providers: Partial<Record<ServiceId, unknown>>,
): ServiceId[] {
  const needed = new Set(policy.types.map((type) => type.service));
  return [...needed].filter((service) => !providers[service]);
}
