// The jobs in /metrics: every reconcile decision by service, how long a pass takes, and the
// provider calls they spent against their budget.
import { Counter, Histogram, type Registry } from "prom-client";
import type { ReconcileObserver } from "./reconcile-settings";

export interface JobMetrics extends ReconcileObserver {
  passSeconds: Histogram<"job">;
  budgetCalls: Counter;
}

export function createJobMetrics(registry: Registry): JobMetrics {
  const registers = [registry];
  const decisions = new Counter({
    name: "svm_reconcile_decisions_total",
    help: "Reconcile decisions by service: orphans deleted or kept, meetings missing, repairs",
    labelNames: ["service", "decision"],
    registers,
  });
  return {
    decision: (service, decision) => decisions.inc({ service, decision }),
    passSeconds: new Histogram({
      name: "svm_job_pass_seconds",
      help: "Duration of one pass of the cleanup or reconcile job",
      labelNames: ["job"],
      buckets: [0.1, 0.5, 1, 5, 15, 30, 60, 120, 300, 600],
      registers,
    }),
    budgetCalls: new Counter({
      name: "svm_job_provider_calls_total",
      help: "Provider calls the jobs made (each counted against JOB_API_BUDGET_PER_MINUTE)",
      registers,
    }),
  };
}
