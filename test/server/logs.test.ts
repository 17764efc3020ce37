// Logs are JSON with request ids, and never carry tokens, manageKeys, PINs, host or join links.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Writable } from "node:stream";
import { CreateMeetingResponse } from "../../src/shared";
import { createLogger } from "../../src/server/logger";
import { startTestApp, type TestApp } from "./support/test-app";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { LOG_LEVEL: "trace" } });
});
afterAll(() => t.close());

describe("logs", () => {
  it("contain no secret after a full booking's life, failures included", async () => {
    const token = await t.token("anna");
    const auth = { authorization: `Bearer ${token}` };
    const start = new Date(Date.now() + 24 * 3_600_000);
    const body = {
      type: "care",
      start: start.toISOString(),
      end: new Date(start.getTime() + 3_600_000).toISOString(),
    };
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/meetings?trace=1",
      headers: { ...auth, "idempotency-key": "5d2c9a7e-3b4f-4e1a-8c6d-2f9b0a1e4c7d" },
      payload: body,
    });
    const made = CreateMeetingResponse.parse(res.json());
    const url = `/api/v1/meetings/${made.booking.id}`;
    const withKey = { ...auth, "x-manage-key": made.manageKey };
    const host = (
      await t.app.inject({ method: "GET", url: `${url}/host`, headers: withKey })
    ).json().hostUrl as string;
    await t.app.inject({ method: "GET", url: `${url}?locale=en`, headers: withKey });
    await t.app.inject({
      method: "POST",
      url: `${url}/change-type`,
      headers: withKey,
      payload: { type: "information" },
    });
    await t.app.inject({
      method: "GET",
      url,
      headers: { ...auth, "x-manage-key": "W".repeat(43) },
    });
    await t.app.inject({ method: "GET", url, headers: { authorization: `Bearer ${token}x` } });
    await t.emu.pexip.faults.add({ route: "*", status: 500 });
    await t.app.inject({ method: "POST", url: "/api/v1/meetings", headers: auth, payload: body });
    t.emu.pexip.faults.clear();
    await t.app.inject({ method: "DELETE", url, headers: withKey });

    const logs = t.logs();
    const lines = logs
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.filter((l) => l.reqId).length).toBeGreaterThan(5);
    const pin = new URL(host).searchParams.get("pin") ?? host.match(/pin=(\d+)/)?.[1];
    const secrets = [
      token,
      token.split(".")[2]!,
      made.manageKey,
      host,
      made.booking.join.url,
      made.booking.join.alias!,
      pin!,
      "5d2c9a7e-3b4f-4e1a-8c6d-2f9b0a1e4c7d",
    ];
    for (const secret of secrets) expect(logs).not.toContain(secret);
    expect(logs).not.toMatch(/authorization/i);
    expect(logs).not.toContain("trace=1");
  });

  it("redacts secrets even when someone logs a whole object", () => {
    let out = "";
    const sink = new Writable({
      write(c: Buffer, _e, done) {
        out += c.toString();
        done();
      },
    });
    const log = createLogger("info", sink);
    log.info(
      {
        headers: { authorization: "Bearer abc.def.ghi", "x-manage-key": "MK-SECRET" },
        booking: {
          manageKey: "MK-SECRET-2",
          join: { url: "https://vmr.example/join" },
          host: { pin: "12345678" },
        },
        response: { hostUrl: "https://vmr.example/host?pin=1" },
      },
      "oops",
    );
    for (const secret of ["abc.def.ghi", "MK-SECRET", "vmr.example", "12345678"])
      expect(out).not.toContain(secret);
  });
});
