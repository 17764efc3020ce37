// Which store failures are a passing outage (a dropped connection, a failover, a busy SQLite
// file, a statement timeout) rather than a bug: those answer 503 with Retry-After, so the pane
// retries with the same Idempotency-Key instead of showing a server error.

/** What the client is told to wait before retrying (a failover usually takes seconds). */
export const DB_RETRY_AFTER_SECONDS = 2;

// SQLSTATE classes and codes (PostgreSQL, Appendix A): 08 connection exception, 53 insufficient
// resources, 57P01-57P03 shutdown/cannot connect now, 57014 statement cancelled (our timeout),
// 40001/40P01 serialization failure and deadlock (safe to retry whole).
const PG_CLASSES = ["08", "53"];
const PG_CODES = new Set(["57P01", "57P02", "57P03", "57014", "40001", "40P01"]);
// Errors node-postgres raises itself, and socket errors underneath it.
const NODE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
]);
const PG_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect/,
  /^Query read timeout/,
  /is not queryable/,
  /^Client was closed and is not queryable/,
  /^Cannot use a pool after calling end/,
];
const SQLITE_CODES = new Set(["SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_IOERR"]);

function matches(err: object): boolean {
  const code = "code" in err && typeof err.code === "string" ? err.code : undefined;
  if (code !== undefined) {
    if (PG_CODES.has(code) || NODE_CODES.has(code) || SQLITE_CODES.has(code)) return true;
    if (/^[0-9A-Z]{5}$/.test(code) && PG_CLASSES.includes(code.slice(0, 2))) return true;
    if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_IOERR")) return true;
  }
  const message = "message" in err && typeof err.message === "string" ? err.message : "";
  return PG_MESSAGES.some((pattern) => pattern.test(message));
}

/** True when `err` (or an error it wraps) says the store is unreachable for now. */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === "object" && depth < 5; depth += 1) {
    if (matches(e)) return true;
    e = "cause" in e ? e.cause : undefined;
  }
  return false;
}
