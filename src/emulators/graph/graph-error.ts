import { randomUUID } from "node:crypto";
import { header, type EmuRequest } from "../http/request";
import { json, type Reply } from "../http/reply";

/** Graph's codes for the statuses the emulator answers with. */
const CODE_BY_STATUS: Record<number, string> = {
  400: "BadRequest",
  401: "InvalidAuthenticationToken",
  403: "Forbidden",
  404: "NotFound",
  405: "MethodNotAllowed",
  409: "Conflict",
  415: "UnsupportedMediaType",
  429: "TooManyRequests",
  500: "InternalServerError",
  502: "BadGateway",
  503: "ServiceNotAvailable",
  504: "GatewayTimeout",
};

/** `request-id` / `client-request-id` headers as Graph sets them on every answer. */
export function graphHeaders(
  req: EmuRequest | undefined,
  requestId: string,
): Record<string, string> {
  return {
    "request-id": requestId,
    "client-request-id": (req && header(req, "client-request-id")) ?? requestId,
  };
}

/** Graph's error format: `{ error: { code, message, innerError: { date, request-id, client-request-id } } }`. */
export function graphError(
  status: number,
  message: string,
  options: { code?: string; req?: EmuRequest; headers?: Record<string, string> } = {},
): Reply {
  const requestId = randomUUID();
  const ids = graphHeaders(options.req, requestId);
  return json(
    status,
    {
      error: {
        code: options.code ?? CODE_BY_STATUS[status] ?? "UnknownError",
        message,
        innerError: {
          date: new Date().toISOString().replace(/\.\d+Z$/, ""),
          "request-id": ids["request-id"],
          "client-request-id": ids["client-request-id"],
        },
      },
    },
    { ...ids, ...options.headers },
  );
}

/** An OData JSON success answer with Graph's headers. */
export function graphJson(req: EmuRequest, status: number, value: unknown): Reply {
  return json(status, value, {
    ...graphHeaders(req, randomUUID()),
    "content-type":
      "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8",
  });
}
