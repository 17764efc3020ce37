import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { ProviderError } from "../../../src/server/errors";
import {
  createHttpClient,
  type HttpCallEvent,
  type HttpClientOptions,
} from "../../../src/server/http";
import { recordingClock, startTestServer, type TestServer } from "./test-server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.seen.length = 0;
});

const Thing = z.object({ id: z.number(), name: z.string() });

function client(overrides: Partial<HttpClientOptions> = {}) {
  const clock = recordingClock();
  const events: HttpCallEvent[] = [];
  const http = createHttpClient({
    provider: "pexip",
    baseUrl: `${server.url}/api/`,
    clock,
    random: () => 0.5,
    observe: (e) => events.push(e),
    policy: { attemptTimeoutMs: 200, deadlineMs: 2_000, maxAttempts: 4, baseDelayMs: 100 },
    ...overrides,
  });
  return { http, clock, events };
}

async function providerError(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

describe("http client: requests", () => {
  it("appends path and query to the base URL, sends JSON and auth, parses with the schema", async () => {
    server.script({ status: 200, json: { id: 7, name: "svm-x", extra: true } });
    const { http } = client({
      auth: { headers: () => Promise.resolve({ authorization: "Bearer t1" }) },
    });
    const data = await http.send({
      operation: "create",
      method: "POST",
      path: "/things/",
      query: { tag: "a b", skip: undefined, limit: 5 },
      json: { hello: "värld" },
      schema: Thing,
    });
    expect(data).toEqual({ id: 7, name: "svm-x" });
    const [seen] = server.seen;
    expect(seen?.url).toBe("/api/things/?tag=a+b&limit=5");
    expect(seen?.method).toBe("POST");
    expect(seen?.headers.authorization).toBe("Bearer t1");
    expect(seen?.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(seen?.body ?? "")).toEqual({ hello: "värld" });
  });

  it("sends form bodies url-encoded and skips auth for anonymous requests", async () => {
    server.script({ status: 200, json: { id: 1, name: "n" } });
    const { http } = client({
      auth: { headers: () => Promise.reject(new Error("must not be called")) },
    });
    await http.send({
      operation: "token",
      method: "POST",
      path: "/token",
      form: { grant_type: "client_credentials", scope: "a b" },
      anonymous: true,
    });
    expect(server.seen[0]?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(server.seen[0]?.body).toBe("grant_type=client_credentials&scope=a+b");
    expect(server.seen[0]?.headers.authorization).toBeUndefined();
  });

  it("hands statuses the caller asked for back as data instead of throwing", async () => {
    server.script({ status: 404 });
    const { http } = client();
    const res = await http.request({
      operation: "delete",
      method: "DELETE",
      path: "/things/1/",
      passStatuses: [404],
    });
    expect(res).toMatchObject({ ok: false, status: 404 });
    expect(server.seen).toHaveLength(1);
  });

  it("answers a response that breaks the schema as rejected, naming the path and not the value", async () => {
    server.script({ status: 200, json: { id: "4711-secret", name: "x" } });
    const { http } = client();
    const error = await providerError(
      http.send({ operation: "get", method: "GET", path: "/t/", schema: Thing }),
    );
    expect(error.kind).toBe("rejected");
    expect(error.message).toContain("id");
    expect(error.message).not.toContain("4711-secret");
  });

  it("does not follow redirects (they would carry our credentials elsewhere)", async () => {
    server.script({ status: 302, headers: { location: "http://127.0.0.1:1/steal" } });
    const { http } = client();
    const error = await providerError(http.send({ operation: "get", method: "GET", path: "/r" }));
    expect(error.kind).toBe("rejected");
    expect(error.status).toBe(302);
    expect(server.seen).toHaveLength(1);
  });
});

describe("http client: retries", () => {
  it("retries a 5xx and reports one call with its attempts", async () => {
    server.script({ status: 503 }, { status: 200, json: { id: 1, name: "a" } });
    const { http, events, clock } = client();
    const data = await http.send({ operation: "get", method: "GET", path: "/t/", schema: Thing });
    expect(data.id).toBe(1);
    expect(server.seen).toHaveLength(2);
    expect(clock.sleeps).toHaveLength(1);
    expect(events).toEqual([
      expect.objectContaining({ operation: "get", status: 200, attempts: 2, outcome: "ok" }),
    ]);
  });

  it("honours Retry-After in seconds on 429", async () => {
    server.script(
      { status: 429, headers: { "retry-after": "1" } },
      { status: 200, json: { id: 1, name: "a" } },
    );
    const { http, clock } = client();
    await http.send({ operation: "get", method: "GET", path: "/t/", schema: Thing });
    expect(clock.sleeps).toEqual([1000]);
  });

  it("honours Retry-After as an HTTP date", async () => {
    const { http, clock } = client({ policy: { deadlineMs: 10_000 } });
    const at = new Date(Math.ceil((clock.now() + 1500) / 1000) * 1000);
    server.script(
      { status: 503, headers: { "retry-after": at.toUTCString() } },
      { status: 200, json: { id: 1, name: "a" } },
    );
    await http.send({ operation: "get", method: "GET", path: "/t/", schema: Thing });
    expect(clock.sleeps[0]).toBeGreaterThan(400);
    expect(clock.sleeps[0]).toBeLessThanOrEqual(2500);
  });

  it("gives up at once when Retry-After reaches past the deadline", async () => {
    server.script({ status: 429, headers: { "retry-after": "30" } });
    const { http, clock } = client();
    const error = await providerError(http.send({ operation: "get", method: "GET", path: "/t" }));
    expect(error.kind).toBe("unavailable");
    expect(error.status).toBe(429);
    expect(error.retryable).toBe(true);
    expect(server.seen).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it("backs off exponentially with jitter up to maxAttempts", async () => {
    server.script({ status: 500 });
    const { http, clock, events } = client({ random: () => 0 });
    const error = await providerError(http.send({ operation: "list", method: "GET", path: "/t" }));
    expect(error).toMatchObject({ kind: "unavailable", status: 500 });
    expect(server.seen).toHaveLength(4);
    // Equal jitter with random() = 0: half of 100, 200, 400.
    expect(clock.sleeps).toEqual([50, 100, 200]);
    expect(events[0]).toMatchObject({ attempts: 4, outcome: "unavailable", status: 500 });
  });

  it("does not retry a 4xx", async () => {
    server.script({ status: 400, json: { conference: { pin: ["PIN 123456 is bad"] } } });
    const { http } = client();
    const error = await providerError(
      http.send({ operation: "create", method: "POST", path: "/t/", json: {} }),
    );
    expect(error).toMatchObject({ kind: "rejected", status: 400, retryable: false });
    expect(error.message).not.toContain("123456");
    expect(server.seen).toHaveLength(1);
  });

  it("does not retry when the request says so", async () => {
    server.script({ status: 503 });
    const { http } = client();
    await providerError(http.send({ operation: "get", method: "GET", path: "/t", retry: false }));
    expect(server.seen).toHaveLength(1);
  });

  it("in throttled mode retries a 429 but neither a 5xx nor a dropped connection", async () => {
    server.script(
      { status: 429, headers: { "retry-after": "1" } },
      { status: 200, json: { id: 1, name: "a" } },
    );
    const { http, clock } = client();
    const req = { operation: "create", method: "POST", path: "/t/", retry: "throttled" } as const;
    await http.send(req);
    expect(clock.sleeps).toEqual([1000]);

    server.seen.length = 0;
    server.script({ status: 503 }, { status: 200 });
    expect((await providerError(http.send(req))).kind).toBe("unavailable");
    server.script({ drop: true }, { status: 200 });
    expect((await providerError(http.send(req))).kind).toBe("unavailable");
    expect(server.seen).toHaveLength(2);
  });

  it("retries a dropped connection", async () => {
    server.script({ drop: true }, { status: 200, json: { id: 2, name: "b" } });
    const { http } = client();
    const data = await http.send({ operation: "get", method: "GET", path: "/t/", schema: Thing });
    expect(data.id).toBe(2);
    expect(server.seen).toHaveLength(2);
  });

  it("answers a server that hangs with a timeout error within the deadline", async () => {
    server.script({ hang: true });
    const { http } = client({
      clock: undefined,
      policy: { attemptTimeoutMs: 50, deadlineMs: 400, baseDelayMs: 10, maxAttempts: 10 },
    });
    const error = await providerError(
      http.send({ operation: "create", method: "POST", path: "/t" }),
    );
    expect(error.kind).toBe("timeout");
    expect(error.retryable).toBe(true);
    expect(server.seen.length).toBeGreaterThanOrEqual(2);
  });

  it("names the network error code for an unreachable host, without the URL", async () => {
    const closed = await startTestServer();
    await closed.close();
    const { http } = client({
      baseUrl: `${closed.url}/secret-path`,
      policy: { maxAttempts: 2, baseDelayMs: 1 },
    });
    const error = await providerError(http.send({ operation: "ping", method: "GET", path: "/x" }));
    expect(error.kind).toBe("unavailable");
    expect(error.message).toContain("ECONNREFUSED");
    expect(error.message).not.toContain("secret-path");
  });

  it("after a 401 fetches a fresh token once, then reports not_authorized", async () => {
    server.script({ status: 401 }, { status: 200, json: { id: 3, name: "c" } });
    let token = 0;
    let invalidated = 0;
    const auth = {
      headers: () => Promise.resolve({ authorization: `Bearer t${token}` }),
      invalidate: () => {
        invalidated += 1;
        token += 1;
      },
    };
    const { http } = client({ auth });
    await http.send({ operation: "get", method: "GET", path: "/t/", schema: Thing });
    expect(server.seen.map((s) => s.headers.authorization)).toEqual(["Bearer t0", "Bearer t1"]);

    server.seen.length = 0;
    server.script({ status: 401 });
    const error = await providerError(http.send({ operation: "get", method: "GET", path: "/t/" }));
    expect(error.kind).toBe("not_authorized");
    expect(server.seen).toHaveLength(2);
    expect(invalidated).toBe(2);
  });

  it("lets the provider classify an error body (kind and a safe detail)", async () => {
    server.script({ status: 403, json: { error: { code: "Forbidden", message: "policy" } } });
    const { http } = client({
      describeError: (status, body) =>
        status === 403 && JSON.stringify(body).includes("policy")
          ? { kind: "not_authorized", detail: "grant the access policy" }
          : undefined,
    });
    const error = await providerError(
      http.send({ operation: "create", method: "POST", path: "/m" }),
    );
    expect(error.message).toContain("grant the access policy");
    expect(server.seen).toHaveLength(1);
  });

  it("shares one deadline across the requests of an operation", async () => {
    server.script({ status: 200, json: { id: 1, name: "a" } });
    const { http, clock } = client();
    const deadline = http.deadline();
    await clock.sleep(2_500);
    const error = await providerError(
      http.send({ operation: "create", method: "POST", path: "/t", deadline }),
    );
    expect(error.kind).toBe("timeout");
    expect(server.seen).toHaveLength(0);
  });
});
