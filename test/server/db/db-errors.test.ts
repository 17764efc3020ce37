// Which failures answer 503 + Retry-After (the store is away for a moment) and which stay 500.
import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "../../../src/server/db/db-errors";
import { ProviderError } from "../../../src/server/errors";
import { classify } from "../../../src/server/web/error-handler";

function pgError(code: string, message = "x"): Error {
  return Object.assign(new Error(message), { code });
}

describe("store outages", () => {
  it("recognises PostgreSQL's shutdown, connection and timeout errors and SQLite's busy file", () => {
    for (const err of [
      pgError("57P01", "terminating connection due to administrator command"),
      pgError("08006"),
      pgError("57014", "canceling statement due to statement timeout"),
      pgError("53300", "too many connections"),
      pgError("ECONNREFUSED"),
      new Error("Connection terminated unexpectedly"),
      new Error("timeout exceeded when trying to connect"),
      pgError("SQLITE_BUSY", "database is locked"),
      new Error("wrapped", { cause: pgError("57P01") }),
    ])
      expect(isDatabaseUnavailable(err), err.message).toBe(true);
  });

  it("leaves constraint violations, bugs and provider network errors alone", () => {
    expect(isDatabaseUnavailable(pgError("23505", "duplicate key"))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("undefined is not a function"))).toBe(false);
    const provider = new ProviderError("pexip", "create", "unavailable", undefined, "reset", {
      cause: pgError("ECONNRESET"),
    });
    expect(classify(provider).code).toBe("provider_unavailable");
    expect(classify(pgError("57P01"))).toEqual({
      code: "service_unavailable",
      status: 503,
      retryable: true,
    });
    expect(classify(new Error("boom")).status).toBe(500);
  });
});
