import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createBookingApi } from "../../../src/taskpane/api/client";
import { ServiceError } from "../../../src/taskpane/api/service-error";
import {
  BOOKING_ID,
  MANAGE_KEY,
  REF,
  booking,
  created,
  meeting,
  meetingTypes,
} from "../support/fixtures";
import { type RecordingServer, startRecordingServer } from "../support/recording-server";

let server: RecordingServer;
let tokens: boolean[];

beforeAll(async () => {
  server = await startRecordingServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  tokens = [];
});

function api() {
  return createBookingApi({
    baseUrl: `${server.url}/api/v1/`,
    getToken: async (refresh) => {
      tokens.push(refresh);
      return refresh ? "fresh-token" : "token";
    },
    backoffMs: () => 0,
  });
}

const window = {
  start: "2030-11-27T09:00:00.000Z",
  end: "2030-11-27T10:00:00.000Z",
  seriesEnd: null,
};

describe("the booking API client against a real HTTP server", () => {
  it("creates with exactly type, times and locale, a bearer token and the Idempotency-Key", async () => {
    server.respond(() => ({ status: 201, body: created() }));
    const result = await api().createMeeting(
      { type: "care", ...window, locale: "sv" },
      "key-0001-abcd",
    );
    expect(result.manageKey).toBe(MANAGE_KEY);
    const [request] = server.requests;
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/api/v1/meetings");
    expect(request?.headers.authorization).toBe("Bearer token");
    expect(request?.headers["idempotency-key"]).toBe("key-0001-abcd");
    expect(request?.body).toEqual({ type: "care", ...window, locale: "sv" });
  });

  it("never lets anything but the contract's fields leave, even if a caller passes more", async () => {
    server.respond(() => ({ status: 201, body: created() }));
    const sneaky = { type: "care", ...window, subject: "Anna Andersson 19121212-1212" } as never;
    await expect(api().createMeeting(sneaky, "key-0002-abcd")).rejects.toMatchObject({
      code: "validation_failed",
    });
    expect(server.requests).toHaveLength(0);
  });

  it("sends the manageKey as X-Manage-Key and the locale on GET", async () => {
    server.respond(() => ({ status: 200, body: meeting() }));
    await api().getMeeting(REF, "en");
    const [request] = server.requests;
    expect(request?.path).toBe(`/api/v1/meetings/${BOOKING_ID}?locale=en`);
    expect(request?.headers["x-manage-key"]).toBe(MANAGE_KEY);
  });

  it("retries a retryable failure with the same Idempotency-Key", async () => {
    let calls = 0;
    server.respond(() =>
      ++calls === 1
        ? {
            status: 503,
            body: { error: { code: "provider_unavailable", message: "Pexip", retryable: true } },
          }
        : { status: 201, body: created() },
    );
    await api().createMeeting({ type: "care", ...window }, "key-0003-abcd");
    expect(server.requests.map((r) => r.headers["idempotency-key"])).toEqual([
      "key-0003-abcd",
      "key-0003-abcd",
    ]);
  });

  it("gives up after three attempts with the service's code", async () => {
    server.respond(() => ({
      status: 504,
      body: { error: { code: "provider_timeout", message: "slow" } },
    }));
    const error = await api()
      .getMeetingTypes()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ code: "provider_timeout", status: 504, retryable: true });
    expect(server.requests).toHaveLength(3);
  });

  it("renews the token once after a 401 and goes on", async () => {
    server.respond((r) =>
      r.headers.authorization === "Bearer fresh-token"
        ? { status: 200, body: meetingTypes }
        : { status: 401, body: { error: { code: "unauthorized", message: "expired" } } },
    );
    const types = await api().getMeetingTypes();
    expect(types.types.map((t) => t.id)).toEqual(["care", "information", "internal"]);
    expect(tokens).toEqual([false, true]);
  });

  it("does not retry a refusal (403) and names it", async () => {
    server.respond(() => ({ status: 403, body: { error: { code: "forbidden", message: "no" } } }));
    await expect(api().deleteMeeting(REF)).rejects.toMatchObject({
      code: "forbidden",
      retryable: false,
    });
    expect(server.requests).toHaveLength(1);
  });

  it("takes a bare gateway 502 for the service not answering, not the video service", async () => {
    server.respond(() => ({ status: 502, body: "<html>Bad gateway</html>" }));
    await expect(api().getHostLink(REF)).rejects.toMatchObject({ code: "unreachable" });
  });

  it("refuses an answer that does not match the contract", async () => {
    server.respond(() => ({
      status: 200,
      body: { booking: { ...booking(), join: { url: "javascript:alert(1)" } } },
    }));
    await expect(api().getMeeting(REF, "sv")).rejects.toMatchObject({ code: "bad_response" });
  });

  it("reports a service that does not answer as unreachable (the device is online)", async () => {
    const closed = createBookingApi({
      baseUrl: "http://127.0.0.1:9/api/v1",
      getToken: async () => "t",
      backoffMs: () => 0,
      attempts: 1,
    });
    await expect(closed.getMeetingTypes()).rejects.toMatchObject({
      code: "unreachable",
      status: 0,
    });
  });

  it("PATCHes start and end together, deletes with 204, changes type with a key", async () => {
    server.respond((r) =>
      r.method === "DELETE" ? { status: 204 } : { status: 200, body: meeting() },
    );
    const client = api();
    await client.updateMeeting(REF, { start: window.start, end: window.end, seriesEnd: null });
    await client.deleteMeeting(REF);
    await client.changeType(REF, { type: "internal", locale: "sv" }, "key-0004-abcd");
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `PATCH /api/v1/meetings/${BOOKING_ID}`,
      `DELETE /api/v1/meetings/${BOOKING_ID}`,
      `POST /api/v1/meetings/${BOOKING_ID}/change-type`,
    ]);
    expect(server.requests[0]?.body).toEqual({
      start: window.start,
      end: window.end,
      seriesEnd: null,
    });
    expect(server.requests[2]?.body).toEqual({ type: "internal", locale: "sv" });
    await expect(client.updateMeeting(REF, { start: window.start })).rejects.toMatchObject({
      code: "validation_failed",
    });
  });
});
