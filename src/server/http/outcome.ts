import type { z } from "zod";
import type { ProviderError } from "../errors";

/** What an HTTP status means for the caller, before any provider-specific reading. */
export function kindForStatus(status: number): ProviderError["kind"] {
  if (status === 401 || status === 403) return "not_authorized";
  if (retryableStatus(status)) return "unavailable";
  return "rejected";
}

/**
 * 408, 429 and 5xx may succeed later. 501 (no such method/route) and 505 will not, and 3xx is
 * never followed (a redirect would carry our credentials).
 */
export function retryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status !== 501 && status !== 505);
}

/** The system error code behind a failed fetch (ECONNRESET, ECONNREFUSED…), never a URL. */
export function networkDetail(error: unknown): string {
  const code = findCode(error, 0);
  return code ? `network error (${code})` : "network error";
}

function findCode(error: unknown, depth: number): string | undefined {
  if (depth > 4 || typeof error !== "object" || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && /^[A-Z0-9_]{2,40}$/.test(code)) return code;
  return findCode((error as { cause?: unknown }).cause, depth + 1);
}

/** Where a response broke the schema: paths and issue codes only (never the values). */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.code}`)
    .join("; ");
}
