// How careful reconcile is (config.ts reads them from RECONCILE_* variables). A wrong deletion
// loses a patient's meeting, a missed one only costs a room: every default leans to keeping.
export interface ReconcileSettings {
  /** A tagged room younger than this is never an orphan (its create may still be recording it). */
  orphanMinAgeMs: number;
  /** Orphans deleted per pass at most; the rest wait for the next pass. */
  maxOrphansPerPass: number;
  /** Log and audit what would be done, change nothing remotely or in the store. */
  dryRun: boolean;
  /** A booking's meeting is "gone" after two 404s on a direct GET at least this far apart. */
  missingConfirmMs: number;
  /** Direct GETs per service and pass at most (bookings not found in the listing, Teams checks). */
  maxChecksPerPass: number;
}

/** What one reconcile pass did (its own types here, so reconcile-service.ts need not import the job). */
export interface ReconcileReport {
  ran: boolean;
  repaired: number;
  lateMeetingsDeleted: number;
  orphansDeleted: number;
  danglingRemoved: number;
  /** Rows repair gave up on in this pass (lifecycle "needs_attention"). */
  needsAttention: number;
  errors: number;
}

export const DEFAULT_RECONCILE: ReconcileSettings = {
  orphanMinAgeMs: 3_600_000,
  maxOrphansPerPass: 20,
  dryRun: false,
  missingConfirmMs: 60_000,
  maxChecksPerPass: 50,
};

/** What reconcile decided about one room or booking (the label of svm_reconcile_decisions_total). */
export type ReconcileDecision =
  | "orphan_deleted"
  | "orphan_would_delete"
  | "orphan_too_young"
  | "orphan_deferred"
  | "orphan_unidentified"
  | "missing_suspected"
  | "missing_recovered"
  | "missing_confirmed"
  | "missing_would_remove"
  | "repaired"
  | "late_meeting_deleted"
  | "repair_failed"
  | "needs_attention";

export interface ReconcileObserver {
  decision(service: string, decision: ReconcileDecision): void;
}
