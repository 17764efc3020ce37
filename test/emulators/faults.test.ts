import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startEmulators, type Emulators } from "../../src/emulators";
import { CONF, call, pexip } from "./helpers";

let emus: Emulators;
let api: ReturnType<typeof pexip>;

beforeAll(async () => {
  emus = await startEmulators({ port: 0 });
  api = pexip(emus.pexip.url);
});
afterAll(() => emus.close());
beforeEach(() => {
  emus.pexip.reset();
  emus.graph.reset();
  emus.entra.reset();
});

const addFault = (base: string, fault: unknown) =>
  call(base, "POST", "/_emulator/faults", { body: fault });

describe("fault injection", () => {
  it("injects a status for the next `count` matching calls, then lets calls through", async () => {
    const added = await addFault(emus.pexip.url, {
      route: "GET /api/admin/",
      status: 503,
      count: 2,
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      id: 1,
      route: "GET /api/admin/",
      status: 503,
      remaining: 2,
    });
    expect((await api("GET", CONF)).status).toBe(503);
    expect((await call(emus.pexip.url, "GET", "/_emulator/faults")).body).toMatchObject([
      { remaining: 1, fired: 1 },
    ]);
    expect((await api("GET", CONF)).status).toBe(503);
    expect((await api("GET", CONF)).status).toBe(200);
    expect((await call(emus.pexip.url, "GET", "/_emulator/faults")).body).toEqual([]);
  });

  it("matches method and path prefix only", async () => {
    await addFault(emus.pexip.url, {
      route: "POST /api/admin/configuration/v1/conference/",
      status: 500,
    });
    expect((await api("GET", CONF)).status).toBe(200);
    expect((await api("POST", CONF, { name: "a" })).status).toBe(500);
    expect(emus.pexip.state().conferences).toEqual([]);
    await addFault(emus.pexip.url, { route: "* /webapp/", status: 502 });
    expect((await call(emus.pexip.url, "GET", "/webapp/m/x/")).status).toBe(502);
  });

  it("sends 429 bursts with Retry-After", async () => {
    await addFault(emus.pexip.url, { route: "*", status: 429, retryAfter: 2, count: 3 });
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      const res = await api("GET", CONF);
      statuses.push(res.status);
      if (res.status === 429) expect(res.headers.get("retry-after")).toBe("2");
    }
    expect(statuses).toEqual([429, 429, 429, 200]);
  });

  it("answers in each API's own error format", async () => {
    for (const emu of [emus.pexip, emus.graph, emus.entra])
      await addFault(emu.url, { route: "*", status: 503, count: 1 });
    const p = await api("GET", CONF);
    expect(p.headers.get("content-type")).toContain("text/html");
    const g = await call(emus.graph.url, "GET", "/v1.0/users/x/onlineMeetings");
    expect(g.body).toMatchObject({ error: { code: "ServiceNotAvailable" } });
    const e = await call(emus.entra.url, "GET", `/${emus.entra.tenantId}/discovery/v2.0/keys`);
    expect(e.status).toBe(503);
    expect(e.body).toMatchObject({ error: "temporarily_unavailable" });
  });

  it("adds latency: a client that gives up sooner sees a timeout, the emulator still answers later", async () => {
    await addFault(emus.pexip.url, { route: "GET /api/", latencyMs: 1500, count: 1 });
    const get = (timeoutMs: number) =>
      fetch(emus.pexip.url + CONF, {
        headers: { authorization: pexipAuth() },
        signal: AbortSignal.timeout(timeoutMs),
      });
    await expect(get(150)).rejects.toMatchObject({ name: "TimeoutError" });
    expect((await get(5000)).status).toBe(200);
  });

  it("hangs: the request is never answered, and close() still finishes", async () => {
    const own = await startEmulators({ port: 0 });
    await addFault(own.graph.url, { route: "*", hang: true });
    const hung = fetch(own.graph.url + "/v1.0/users/x/onlineMeetings", {
      signal: AbortSignal.timeout(300),
    });
    await expect(hung).rejects.toMatchObject({ name: "TimeoutError" });
    const pending = fetch(own.graph.url + "/v1.0/users/x/onlineMeetings").catch(
      (err: unknown) => err,
    );
    // The second request is held too once the hang fault has fired for it.
    await vi.waitUntil(() => own.graph.faults.list()[0]?.fired === 2);
    await own.close();
    expect(await pending).toBeInstanceOf(Error);
  });

  it("drops the connection without an answer", async () => {
    await addFault(emus.pexip.url, { route: "*", drop: true, count: 1 });
    await expect(
      fetch(emus.pexip.url + CONF, { headers: { authorization: pexipAuth() } }),
    ).rejects.toThrow();
    expect((await api("GET", CONF)).status).toBe(200);
  });

  it('with when: "after" does the work and then loses the answer', async () => {
    await addFault(emus.pexip.url, { route: "POST /api/", drop: true, when: "after", count: 1 });
    await expect(
      fetch(emus.pexip.url + CONF, {
        method: "POST",
        headers: { authorization: pexipAuth(), "content-type": "application/json" },
        body: JSON.stringify({ name: "made-anyway" }),
      }),
    ).rejects.toThrow();
    expect(emus.pexip.state().conferences.map((c) => c.name)).toEqual(["made-anyway"]);
  });

  it("hits a `rate` share of calls, reproducibly with a seed", async () => {
    const pattern = async () => {
      emus.pexip.reset();
      await addFault(emus.pexip.url, { route: "GET /api/", status: 500, rate: 0.3, seed: 42 });
      const out: number[] = [];
      for (let i = 0; i < 60; i++) out.push((await api("GET", `${CONF}?limit=1`)).status);
      return out;
    };
    const first = await pattern();
    const failures = first.filter((s) => s === 500).length;
    expect(failures).toBeGreaterThan(5);
    expect(failures).toBeLessThan(35);
    expect(first.filter((s) => s === 200).length).toBe(60 - failures);
    expect(await pattern()).toEqual(first);
  });

  it("never touches the /_emulator/ endpoints", async () => {
    await addFault(emus.pexip.url, { route: "*", status: 500 });
    expect((await call(emus.pexip.url, "GET", "/_emulator/state")).status).toBe(200);
    expect((await call(emus.pexip.url, "POST", "/_emulator/reset")).status).toBe(204);
    expect((await api("GET", CONF)).status).toBe(200);
  });

  it("refuses an invalid fault with 400", async () => {
    for (const bad of [
      { route: "*" },
      { route: "GET", status: 500 },
      { route: "*", status: 500, hang: true },
      { route: "*", retryAfter: 3 },
      { route: "*", status: 500, rate: 2 },
      { route: "*", status: 500, colour: "red" },
    ])
      expect((await addFault(emus.graph.url, bad)).status).toBe(400);
  });

  it("can be deleted one by one or all at once", async () => {
    await addFault(emus.graph.url, { route: "*", status: 500 });
    await addFault(emus.graph.url, { route: "*", status: 502 });
    expect((await call(emus.graph.url, "DELETE", "/_emulator/faults/1")).status).toBe(204);
    expect((await call(emus.graph.url, "GET", "/_emulator/faults")).body).toMatchObject([
      { id: 2 },
    ]);
    expect((await call(emus.graph.url, "DELETE", "/_emulator/faults")).status).toBe(204);
    expect(emus.graph.faults.list()).toEqual([]);
  });

  it("takes initial faults as a start option", async () => {
    const own = await startEmulators({
      port: 0,
      pexip: { faults: [{ route: "*", status: 503, count: 1 }] },
    });
    try {
      expect((await call(own.pexip.url, "GET", CONF)).status).toBe(503);
      expect((await call(own.pexip.url, "GET", CONF)).status).toBe(401);
    } finally {
      await own.close();
    }
  });
});

describe("state and reset", () => {
  it("GET /_emulator/state shows objects as the API returns them, reset clears state and faults", async () => {
    await api("POST", CONF, { name: "svm-1", aliases: [{ alias: "9800100" }] });
    await addFault(emus.pexip.url, { route: "GET /nothing", status: 500 });
    const state = await call(emus.pexip.url, "GET", "/_emulator/state");
    const detail = await api("GET", `${CONF}1/`);
    expect((state.body as { conferences: unknown[] }).conferences).toEqual([detail.body]);
    expect((state.body as { faults: unknown[] }).faults).toHaveLength(1);
    expect((await call(emus.pexip.url, "POST", "/_emulator/reset")).status).toBe(204);
    expect((await call(emus.pexip.url, "GET", "/_emulator/state")).body).toEqual({
      conferences: [],
      aliases: [],
      live: [],
      faults: [],
    });
    expect((await api("POST", CONF, { name: "svm-1" })).headers.get("location")).toBe(`${CONF}1/`);
  });

  it("Graph state lists meetings; Entra state lists clients, keys and users", async () => {
    const g = (await call(emus.graph.url, "GET", "/_emulator/state")).body;
    expect(g).toMatchObject({ meetings: [], accessPolicy: { grantAll: true } });
    await emus.entra.issueUserToken({ user: "anna" });
    const e = (await call(emus.entra.url, "GET", "/_emulator/state")).body;
    expect(e).toMatchObject({
      tenantId: emus.entra.tenantId,
      users: [{ user: "anna", oid: emus.entra.oidFor("anna") }],
      clients: [{ clientId: emus.entra.apiAppId, credentials: ["secret"] }],
    });
  });

  it("answers 404 for unknown control endpoints", async () => {
    expect((await call(emus.graph.url, "GET", "/_emulator/nothing")).status).toBe(404);
  });
});

function pexipAuth(): string {
  return "Basic " + Buffer.from("svm-api:dev-password-not-for-production").toString("base64");
}
