import { Writable } from "node:stream";
import type { Logger } from "pino";
import { describe, expect, it } from "vitest";
import { CENSOR, SECRET_KEYS, redactSecrets } from "../../src/server/log-redaction";
import { createLogger } from "../../src/server/logger";

/** One log line written through the service's pino options, parsed. */
function logLine(write: (log: Logger) => void): Record<string, unknown> {
  let out = "";
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      out += chunk.toString();
      done();
    },
  });
  write(createLogger("info", sink));
  return JSON.parse(out.trim()) as Record<string, unknown>;
}

describe("log redaction", () => {
  it("censors every secret key at the top and up to three levels down, in objects and arrays", () => {
    for (const key of SECRET_KEYS) {
      const line = redactSecrets({
        [key]: "s0",
        a: { [key]: "s1", b: { [key]: "s2", c: { [key]: "s3" } } },
        list: [{ [key]: "s2" }, [{ [key]: "s3" }]],
      });
      expect(JSON.stringify(line)).not.toMatch(/"s[0-3]"/);
      expect(line).toMatchObject({
        [key]: CENSOR,
        a: { [key]: CENSOR, b: { [key]: CENSOR, c: { [key]: CENSOR } } },
        list: [{ [key]: CENSOR }, [{ [key]: CENSOR }]],
      });
    }
  });

  it("leaves other values as they are and never changes the logged object", () => {
    const booking = { id: "b-1", join: { url: "https://vmr.example/join" }, start: new Date(0) };
    const line = redactSecrets({ method: "POST", status: 201, booking });
    expect(line).toEqual({
      method: "POST",
      status: 201,
      booking: { id: "b-1", join: CENSOR, start: new Date(0) },
    });
    expect(booking.join.url).toBe("https://vmr.example/join");
    const clean = { method: "POST", route: "/api/v1/meetings", status: 201, ms: 3 };
    expect(redactSecrets(clean)).toBe(clean);
  });

  it("keeps an error an error (type, message, stack) while censoring its properties", () => {
    const err = Object.assign(new TypeError("provider refused"), {
      code: "E_TEST",
      url: "https://pexip.example/api?pin=1234",
      response: { headers: { authorization: "Basic c2VjcmV0" } },
    });
    const line = logLine((log) => log.error({ err }, "request failed"));
    expect(line.err).toMatchObject({
      type: "TypeError",
      message: "provider refused",
      code: "E_TEST",
      url: CENSOR,
      response: { headers: { authorization: CENSOR } },
    });
    expect(String((line.err as { stack: string }).stack)).toContain("provider refused");
    expect(err.url).toBe("https://pexip.example/api?pin=1234");
  });

  it("censors secrets in child loggers' bindings, children of children too", () => {
    const line = logLine((log) =>
      log
        .child({ reqId: "r-1", token: "abc.def.ghi" })
        .child({ job: "cleanup", ctx: { pin: "123456" } })
        .info({ status: 200 }, "request"),
    );
    expect(line).toMatchObject({
      reqId: "r-1",
      token: CENSOR,
      job: "cleanup",
      ctx: { pin: CENSOR },
      status: 200,
      msg: "request",
    });
  });

  it("leaves a request and a reply to their serializers: method, route, id and status only", () => {
    const req = {
      method: "GET",
      url: "/api/v1/meetings/b-1?trace=1",
      id: "r-2",
      headers: { authorization: "Bearer abc.def.ghi", "x-manage-key": "MK-SECRET" },
    };
    const line = logLine((log) => log.info({ req, res: { statusCode: 403 } }, "done"));
    expect(line.req).toEqual({ method: "GET", route: "/api/v1/meetings/b-1", id: "r-2" });
    expect(line.res).toEqual({ statusCode: 403 });
  });
});
