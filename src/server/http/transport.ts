// How the HTTP client puts a request on the wire. The default is node:http(s) with keep-alive
// agents: Node's built-in fetch costs about three times the CPU per request (web streams, an
// abort-signal graph, header objects, and the body sent in a write of its own), and a create makes
// one or more provider calls. Nothing here follows redirects: a redirect would carry our
// credentials somewhere we did not configure.
import http from "node:http";
import https from "node:https";

export interface TransportRequest {
  method: string;
  headers: Record<string, string>;
  body?: string;
  /** Aborting it ends the attempt (the client's per-attempt timeout). */
  signal: AbortSignal;
}

/** The response headers the client reads (Location, Retry-After); names are case-insensitive. */
export interface TransportHeaders {
  get(name: string): string | null;
}

export interface TransportResponse {
  status: number;
  headers: TransportHeaders;
  /** The whole body as UTF-8 text. */
  text: string;
}

/** Rejects on network errors and aborts; any HTTP status resolves. */
export type Transport = (url: string, request: TransportRequest) => Promise<TransportResponse>;

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** A fetch implementation as a transport (tests, or a runtime whose fetch is preferred). */
export function fetchTransport(doFetch: FetchLike): Transport {
  return async (url, request) => {
    const res = await doFetch(url, { ...request, redirect: "manual" });
    return { status: res.status, headers: res.headers, text: await res.text() };
  };
}

function headersOf(raw: http.IncomingHttpHeaders): TransportHeaders {
  return {
    get(name) {
      const value = raw[name.toLowerCase()];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(", ") : value;
    },
  };
}

// Idle sockets close after 4 s (as fetch's do) or earlier when the server's Keep-Alive header
// says so; "lifo" reuses the warmest socket, so a quiet period leaves few open.
const AGENT_OPTIONS = { keepAlive: true, scheduling: "lifo", timeout: 4_000 } as const;
let agents: { http: http.Agent; https: https.Agent } | undefined;

/** node:http(s) with one keep-alive agent per protocol, shared by every client in the process. */
export const nodeTransport: Transport = (url, request) =>
  new Promise<TransportResponse>((resolve, reject) => {
    agents ??= { http: new http.Agent(AGENT_OPTIONS), https: new https.Agent(AGENT_OPTIONS) };
    const secure = url.startsWith("https:");
    const send = secure ? https.request : http.request;
    const req = send(
      url,
      {
        method: request.method,
        headers: request.headers,
        agent: secure ? agents.https : agents.http,
        signal: request.signal,
      },
      (res) => {
        const chunks: string[] = [];
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => chunks.push(chunk));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: headersOf(res.headers),
            text: chunks.join(""),
          }),
        );
        res.on("error", reject);
        res.on("close", () => {
          if (!res.complete)
            reject(
              Object.assign(new Error("connection closed mid-response"), { code: "ECONNRESET" }),
            );
        });
      },
    );
    req.on("error", reject);
    // Head and body leave in one write when the body is a string.
    req.end(request.body);
  });
