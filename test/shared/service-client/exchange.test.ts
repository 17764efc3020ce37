// The one service client against real HTTP on loopback: a server that never answers, one that
// answers as a gateway does, one that is not there, and the device offline.
import { type IncomingMessage, type Server, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { ClientConfig, MeetingResponse } from "../../../src/shared/contract";
import {
  ConfigAnswer,
  ErrorAnswer,
  type FetchLike,
  ServiceError,
  WindowAnswer,
  exchange,
  request,
} from "../../../src/shared/service-client";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((s) => new Promise<void>((resolve) => s.close(() => resolve()))),
  );
});

async function serve(handler: Handler): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function json(res: ServerResponse, status: number, body: unknown, headers = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(typeof body === "string" ? body : JSON.stringify(body));
}

const Pong = z.object({ pong: z.boolean() });
const fetchLike: FetchLike = (url, init) => fetch(url, init as RequestInit);
const options = (over = {}) => ({ fetch: fetchLike, timeoutMs: 5_000, ...over });

describe("one exchange", () => {
  it("aborts the request when the timeout runs out: the server sees the connection close", async () => {
    let closed!: () => void;
    const sawClose = new Promise<void>((resolve) => (closed = resolve));
    // Never answers; only notes that the client went away.
    const url = await serve((req, res) => res.on("close", closed));
    const error = await exchange(options({ timeoutMs: 300 }), {
      method: "GET",
      url,
      schema: Pong,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ code: "unreachable", status: 0, retryable: true });
    await sawClose;
  });

  it("ends the call even where the runtime has no AbortController (the race)", async () => {
    const url = await serve(() => {});
    const saved = globalThis.AbortController;
    // Classic Outlook's JavaScript-only runtime may lack it.
    (globalThis as { AbortController?: unknown }).AbortController = undefined;
    try {
      await expect(
        exchange(options({ timeoutMs: 200 }), { method: "GET", url, schema: Pong }),
      ).rejects.toMatchObject({ code: "unreachable" });
    } finally {
      globalThis.AbortController = saved;
    }
  });

  it("tells the device offline from the service not answering", async () => {
    const url = "http://127.0.0.1:9/nothing-listens";
    await expect(
      exchange(options({ online: () => false }), { method: "GET", url, schema: null }),
    ).rejects.toMatchObject({ code: "offline", status: 0 });
    await expect(
      exchange(options({ online: () => true }), { method: "GET", url, schema: null }),
    ).rejects.toMatchObject({ code: "unreachable", status: 0 });
  });

  it.each([
    [502, {}, "unreachable"],
    [504, {}, "unreachable"],
    [503, {}, "unreachable"],
    [503, { "retry-after": "5" }, "service_unavailable"],
    [404, {}, "not_found"],
    [500, {}, "internal"],
  ])("reads a bare %i %o (a gateway's HTML) as %s", async (status, headers, code) => {
    const url = await serve((_, res) => json(res, status, "<html>Bad gateway</html>", headers));
    await expect(
      exchange(options({ errorBody: ErrorAnswer }), { method: "GET", url, schema: Pong }),
    ).rejects.toMatchObject({ code, status });
  });

  it("reads the service's own error body: its code and whether to retry", async () => {
    const url = await serve((_, res) =>
      json(
        res,
        503,
        { error: { code: "service_unavailable", message: "store down", retryable: true } },
        { "retry-after": "2" },
      ),
    );
    await expect(
      exchange(options({ errorBody: ErrorAnswer }), { method: "GET", url, schema: Pong }),
    ).rejects.toMatchObject({ code: "service_unavailable", status: 503, retryable: true });
    const provider = await serve((_, res) =>
      json(res, 502, { error: { code: "provider_unavailable", message: "Pexip" } }),
    );
    await expect(
      exchange(options({ errorBody: ErrorAnswer }), { method: "GET", url: provider, schema: Pong }),
    ).rejects.toMatchObject({ code: "provider_unavailable", retryable: true });
  });

  it("refuses an answer the schema does not accept, and one that is not JSON", async () => {
    const wrong = await serve((_, res) => json(res, 200, { pong: "yes" }));
    await expect(
      exchange(options(), { method: "GET", url: wrong, schema: Pong }),
    ).rejects.toMatchObject({ code: "bad_response", status: 200 });
    const html = await serve((_, res) => json(res, 200, "<html>login</html>"));
    await expect(
      exchange(options(), { method: "GET", url: html, schema: Pong }),
    ).rejects.toMatchObject({ code: "bad_response" });
  });
});

describe("the pane's request on top", () => {
  it("blames the network, not sign-in, when the token cannot be had offline", async () => {
    const url = await serve((_, res) => json(res, 200, { pong: true }));
    const call = { method: "GET" as const, path: "/", schema: Pong, retry: true };
    const base = {
      baseUrl: url,
      fetch: fetchLike,
      attempts: 1,
      backoffMs: () => 0,
      timeoutMs: 5_000,
    };
    const noToken = async (): Promise<string> => {
      throw new Error("interaction_required");
    };
    await expect(
      request({ ...base, getToken: noToken, online: () => false }, call),
    ).rejects.toMatchObject({ code: "offline" });
    await expect(
      request({ ...base, getToken: noToken, online: () => true }, call),
    ).rejects.toMatchObject({ code: "sign_in" });
    expect(await request(base, call)).toEqual({ pong: true });
  });

  it("retries a service that does not answer, then says so", async () => {
    let seen = 0;
    const url = await serve((req) => {
      seen += 1;
      req.socket.destroy();
    });
    await expect(
      request(
        { baseUrl: url, fetch: fetchLike, attempts: 3, backoffMs: () => 0, timeoutMs: 5_000 },
        { method: "GET", path: "/x", schema: Pong, retry: true },
      ),
    ).rejects.toMatchObject({ code: "unreachable" });
    expect(seen).toBe(3);
  });
});

describe("the launch events' small answers", () => {
  it("parse what the full contract parses (they are subsets of it)", () => {
    const config = {
      signIn: {
        kind: "emulator",
        tokenUrl: "http://127.0.0.1:3003/_emulator/users/token",
        scopes: ["api://x/y"],
      },
      apiBaseUrl: "/api/v1",
      organisationDomains: ["region.example.se"],
      consumerEmailDomains: ["gmail.com"],
      joinHosts: ["vmr.region.example.se"],
    };
    expect(ClientConfig.parse(config).apiBaseUrl).toBe("/api/v1");
    expect(ConfigAnswer.parse(config)).toEqual({
      apiBaseUrl: "/api/v1",
      signIn: { kind: "emulator", tokenUrl: config.signIn.tokenUrl },
    });
    const msal = {
      ...config,
      signIn: {
        kind: "msal",
        clientId: "c",
        authority: "https://login.microsoftonline.com/t",
        scopes: ["api://x/y"],
      },
    };
    expect(ClientConfig.parse(msal).signIn.kind).toBe("msal");
    expect(ConfigAnswer.parse(msal).signIn).toEqual({ kind: "msal", tokenUrl: "" });
    expect(ConfigAnswer.safeParse({ ...config, signIn: { kind: "none" } }).success).toBe(false);
    expect(
      MeetingResponse.shape.booking.shape.start.safeParse("2027-12-01T09:00:00.000Z").success,
    ).toBe(true);
    expect(
      WindowAnswer.safeParse({
        booking: { start: "i morgon", end: "2027-12-01T10:00:00.000Z", seriesEnd: null },
      }).success,
    ).toBe(false);
  });
});
