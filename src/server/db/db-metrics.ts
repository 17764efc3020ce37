// Store faults in /metrics and the log: a connection the database dropped is worth a warning
// and a counter (alert on its rate), not a crash.
import { Counter, type Registry } from "prom-client";
import type { Logger } from "pino";
import type { DatabaseFaults } from "./database";

export function watchStoreFaults(
  faults: DatabaseFaults,
  registry: Registry,
  log: Pick<Logger, "warn">,
): void {
  const counter = new Counter({
    name: "svm_db_connection_errors_total",
    help: "Database connection errors outside a statement (dropped idle connections, failovers)",
    registers: [registry],
  });
  // Faults seen while the store was opened and migrated, before the app existed.
  if (faults.count > 0) counter.inc(faults.count);
  faults.listen((err) => {
    counter.inc();
    // Only the code and the driver's fixed message: no statement text, no parameters.
    const code = (err as { code?: unknown }).code;
    log.warn(
      { code: typeof code === "string" ? code : undefined, reason: err.message.slice(0, 120) },
      "database connection error; the pool opens a new connection",
    );
  });
}
