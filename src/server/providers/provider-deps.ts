import { randomInt } from "node:crypto";
import type { Clock, FetchLike, HttpCallEvent, Transport } from "../http";

/** What a provider factory takes besides its configuration; tests inject these. */
export interface ProviderDeps {
  /** How HTTP requests go out (default node:http(s) with keep-alive). */
  transport?: Transport;
  /** A fetch to send with instead of the transport. */
  fetch?: FetchLike;
  clock?: Clock;
  /** Jitter for retries, in [0, 1). */
  random?: () => number;
  /**
   * The CSPRNG for aliases and PINs: an integer in [0, max). Default `crypto.randomInt`
   * (rejection-sampled, no modulo bias). Injected only to provoke alias collisions in tests.
   */
  randomInt?: (max: number) => number;
  /** Called once per HTTP request (all its attempts) for metrics; no URL, no body. */
  observe?: (event: HttpCallEvent) => void;
}

/** The deps an HTTP client takes (createHttpClient's options of the same names). */
export function httpDeps(
  deps: ProviderDeps,
): Pick<ProviderDeps, "transport" | "fetch" | "clock" | "random" | "observe"> {
  const { transport, fetch, clock, random, observe } = deps;
  return { transport, fetch, clock, random, observe };
}

export const defaultRandomInt = (max: number): number => randomInt(max);
