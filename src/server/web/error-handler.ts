// One place maps every failure to `{error: {code, message, retryable?}}`: AppError,
// ProviderError, validation errors and Fastify's own errors. Messages are fixed Swedish or English
// texts; the detail goes to the log only, and never for 4xx noise.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import type { ApiError, ErrorCode, LocalizedText } from "../../shared";
import { DB_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from "../db/db-errors";
import { AppError, ProviderError } from "../errors";
import { ERROR_MESSAGES, WINDOW_MESSAGES, pickLocale } from "./messages";

interface Classified {
  code: ErrorCode;
  status: number;
  retryable: boolean;
  /** The error's own fixed text, when it has one (AppError.publicMessage). */
  message?: LocalizedText;
}

const RETRYABLE: ReadonlySet<ErrorCode> = new Set([
  "conflict",
  "rate_limited",
  "provider_unavailable",
  "provider_timeout",
  "service_unavailable",
  "internal",
]);

const PROVIDER_STATUS: Record<ProviderError["kind"], number> = {
  unavailable: 503,
  timeout: 504,
  rejected: 502,
  not_authorized: 502,
};

export function classify(err: unknown): Classified {
  // Checked before AppError and ProviderError would be wrong: a provider's network error carries
  // ECONNRESET too. Only errors that are neither come from the store.
  if (!(err instanceof AppError || err instanceof ProviderError) && isDatabaseUnavailable(err))
    return { code: "service_unavailable", status: 503, retryable: true };
  if (err instanceof AppError)
    return {
      code: err.code,
      status: err.status,
      retryable: RETRYABLE.has(err.code),
      ...(err.publicMessage ? { message: err.publicMessage } : {}),
    };
  if (err instanceof ProviderError)
    return { code: err.toCode(), status: PROVIDER_STATUS[err.kind], retryable: err.retryable };
  const fe = err as Partial<FastifyError>;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const known = err.validation
      .map((issue) =>
        issue.message && Object.hasOwn(WINDOW_MESSAGES, issue.message)
          ? WINDOW_MESSAGES[issue.message]
          : undefined,
      )
      .find(Boolean);
    return {
      code: "validation_failed",
      status: 400,
      retryable: false,
      ...(known ? { message: known } : {}),
    };
  }
  if (fe.validation) return { code: "validation_failed", status: 400, retryable: false };
  const status = typeof fe.statusCode === "number" ? fe.statusCode : 500;
  if (status === 429) return { code: "rate_limited", status, retryable: true };
  // Fastify's own 4xx: bad JSON, body too large (413), wrong content type (415) …
  if (status >= 400 && status < 500) return { code: "validation_failed", status, retryable: false };
  return { code: "internal", status: 500, retryable: true };
}

export function errorBody(request: FastifyRequest, c: Classified): ApiError {
  const locale = pickLocale(request.headers["accept-language"]);
  return {
    error: {
      code: c.code,
      message: (c.message ?? ERROR_MESSAGES[c.code])[locale],
      // A 429 is retried by clients unless told otherwise; a full quota does not clear in seconds.
      ...(c.retryable
        ? { retryable: true }
        : c.code === "quota_exceeded"
          ? { retryable: false }
          : {}),
    },
  };
}

function send(reply: FastifyReply, request: FastifyRequest, c: Classified) {
  // Serialised by hand: the route's response schema does not describe errors.
  return reply
    .code(c.status)
    .type("application/json; charset=utf-8")
    .serializer(JSON.stringify)
    .send(errorBody(request, c));
}

export function registerErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err, request, reply) => {
    const c = classify(err);
    if (c.status >= 500) request.log.error({ err }, "request failed");
    // AppError details are written to be loggable; other messages may echo input, so not those.
    else
      request.log.info(
        { code: c.code, detail: err instanceof AppError ? err.message : undefined },
        "request refused",
      );
    const retryAfter =
      c.code === "service_unavailable"
        ? DB_RETRY_AFTER_SECONDS
        : (err as { retryAfterSeconds?: unknown }).retryAfterSeconds;
    if (typeof retryAfter === "number") reply.header("retry-after", String(retryAfter));
    return send(reply, request, c);
  });
  app.setNotFoundHandler((request, reply) =>
    send(reply, request, { code: "not_found", status: 404, retryable: false }),
  );
}
