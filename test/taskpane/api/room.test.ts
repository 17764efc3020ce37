// The pane's waiting-room client against a real loopback HTTP server speaking text/event-stream:
// views arrive, a stream that ends with "reconnect" is opened again, a final "end" stops it, a
// refusal rejects. Plus the section's words: same keys and placeholders in both languages.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RoomView } from "../../../src/shared/contract";
import { createBookingApi } from "../../../src/taskpane/api/client";
import { parseFrame } from "../../../src/taskpane/api/room";
import { ServiceError } from "../../../src/taskpane/api/service-error";
import { ROOM_WORDS } from "../../../src/taskpane/i18n/waiting-room";

const VIEW: RoomView = {
  handledBy: "service",
  state: "waiting",
  counts: { waiting: 1, guests: 0, hosts: 0, limit: 15 },
  waiting: [{ id: "AAAAAAAAAAAAAAAAAAAAAA", waitedSeconds: 200, initials: "TT" }],
  names: "initials",
  asOf: "2026-12-05T10:00:00.000Z",
};
const REF = { bookingId: "0d7b0c5e-8d0a-4b8e-9d53-3a1f0c2b9e11", manageKey: "k".repeat(43) };

let server: Server;
let base: string;
let opened = 0;
const seen: Array<{ key?: string; auth?: string }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ key: req.headers["x-manage-key"] as string, auth: req.headers.authorization });
    if (req.url?.includes("/refused/")) {
      res.writeHead(403, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { code: "forbidden", message: "nej" } }));
      return;
    }
    opened += 1;
    res.writeHead(200, { "content-type": "text/event-stream" });
    // A frame split across writes, CRLF line ends and a comment: all as a server may send them.
    const data = JSON.stringify(VIEW);
    res.write(`: keep-alive\r\n\r\nevent: room\r\ndata: ${data.slice(0, 20)}`);
    res.write(`${data.slice(20)}\r\n\r\nevent: unavailable\ndata: {}\n\n`);
    res.end(opened === 1 ? `event: end\ndata: {"reconnect":true}\n\n` : `event: end\ndata: {}\n\n`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("room client", () => {
  it("parses event-stream frames", () => {
    expect(parseFrame("event: room\ndata: {}")).toEqual({ event: "room", data: "{}" });
    expect(parseFrame(": comment only")).toBeNull();
    expect(parseFrame("data: a\ndata: b")).toEqual({ event: "message", data: "a\nb" });
  });

  it("follows the stream, reconnects when asked, and stops at the final end", async () => {
    const api = createBookingApi({ baseUrl: base, getToken: async () => "token" });
    const views: RoomView[] = [];
    let unavailable = 0;
    await api.watchRoom(
      REF,
      { onView: (v) => views.push(v), onUnavailable: () => (unavailable += 1) },
      new AbortController().signal,
    );
    expect(opened).toBe(2);
    expect(views).toEqual([VIEW, VIEW]);
    expect(unavailable).toBe(2);
    expect(seen.at(-1)).toEqual({ key: REF.manageKey, auth: "Bearer token" });
  });

  it("rejects when the service refuses", async () => {
    const api = createBookingApi({ baseUrl: `${base}/refused`, getToken: async () => "token" });
    const watching = api.watchRoom(
      REF,
      { onView: () => {}, onUnavailable: () => {} },
      new AbortController().signal,
    );
    await expect(watching).rejects.toBeInstanceOf(ServiceError);
    await expect(watching).rejects.toMatchObject({ status: 403 });
  });
});

describe("Väntrum's words", () => {
  const placeholders = (text: string) =>
    [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "").sort();
  it("have the same keys and placeholders in Swedish and English", () => {
    const { sv, en } = ROOM_WORDS;
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
    for (const key of Object.keys(sv) as Array<keyof typeof sv>)
      expect(placeholders(en[key]), key).toEqual(placeholders(sv[key]));
  });
  it("use the issue's Swedish words", () => {
    expect(ROOM_WORDS.sv.heading).toBe("Väntrum");
    expect(ROOM_WORDS.sv.nobodyWaiting).toBe("Ingen väntar");
    expect(ROOM_WORDS.sv.admit).toBe("Släpp in");
    expect(ROOM_WORDS.sv.patientWaitingFor.replace("{minutes}", "3")).toBe(
      "Patienten väntar sedan 3 min",
    );
    expect(ROOM_WORDS.sv.inProgress.replace("{count}", "2").replace("{limit}", "15")).toBe(
      "Mötet pågår (2 av 15)",
    );
  });
});
