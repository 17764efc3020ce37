// A lease must outlive every provider call made under it: if it ran out first, a job or a retry
// could take the booking over while the first call is still running and make a second meeting.
import type { ProviderSettings } from "./config-providers";

/** Room for the store writes and the compensation around a provider call. */
export const LEASE_MARGIN_MS = 15_000;

/** The longest provider deadline, in ms (0 with no provider). */
export function longestDeadlineMs(providers: ProviderSettings): number {
  // 12 s is the providers' default deadline (http-policy.ts) when none is configured.
  const of = (p: { http?: { deadlineMs?: number } } | undefined) =>
    p ? (p.http?.deadlineMs ?? 12_000) : 0;
  return Math.max(of(providers.pexip), of(providers.teams));
}

/** A refusal naming LEASE_SECONDS, or null when the lease is long enough. */
export function leaseTooShort(leaseMs: number, providers: ProviderSettings): string | null {
  const needed = longestDeadlineMs(providers) + LEASE_MARGIN_MS;
  if (leaseMs >= needed) return null;
  return (
    `LEASE_SECONDS: ${leaseMs / 1000} s is shorter than the longest provider deadline plus ` +
    `${LEASE_MARGIN_MS / 1000} s (${Math.ceil(needed / 1000)} s); a retry could take over a ` +
    "create that is still running. Raise LEASE_SECONDS or lower PEXIP_DEADLINE_MS/GRAPH_DEADLINE_MS."
  );
}
