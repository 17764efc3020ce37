// How the jobs retry a repair that keeps failing (a compensation Teams refuses with 403, a VMR
// Pexip will not delete): each row waits longer after every failure, and after `maxAttempts` it
// leaves the queue for an operator (lifecycle "needs_attention"), so one stuck row can never hold
// back the repair of the others. config.ts reads them from REPAIR_* variables.
export interface RepairSettings {
  /** The pause after the first failure; it doubles with every further one. */
  baseDelayMs: number;
  /** The longest pause between two attempts. */
  maxDelayMs: number;
  /** Failed attempts after which the row is handed to an operator. */
  maxAttempts: number;
  /** Rows one pass looks at (the due ones only). */
  batch: number;
  /**
   * How long an abandoned meeting key is watched after the last call whose outcome we do not
   * know (jobs/late-meeting-watch.ts): a provider that answers, or acts, later than this after
   * we gave up is assumed not to. At least two leases whatever is set.
   */
  lateWatchMs: number;
}

export const DEFAULT_REPAIR: RepairSettings = {
  baseDelayMs: 60_000,
  maxDelayMs: 6 * 3_600_000,
  maxAttempts: 10,
  batch: 100,
  lateWatchMs: 3_600_000,
};

/** The pause after the `attempts`-th failure: base, 2 × base, 4 × base … at most maxDelayMs. */
export function repairDelayMs(settings: RepairSettings, attempts: number): number {
  return Math.min(settings.baseDelayMs * 2 ** Math.max(0, attempts - 1), settings.maxDelayMs);
}
