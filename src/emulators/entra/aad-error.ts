import { randomUUID } from "node:crypto";
import { json, type Reply } from "../http/reply";

/**
 * Entra's token endpoint error body: RFC 6749 `error` plus `error_description` starting with
 * the AADSTS code, `error_codes`, `timestamp`, `trace_id`, `correlation_id`, `error_uri`.
 */
export function aadError(status: number, error: string, code: number, message: string): Reply {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = new Date()
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d+Z$/, "Z");
  return json(
    status,
    {
      error,
      error_description: `AADSTS${code}: ${message} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    },
    { "cache-control": "no-store", pragma: "no-cache" },
  );
}
