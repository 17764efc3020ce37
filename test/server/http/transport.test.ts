import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { nodeTransport, type TransportRequest } from "../../../src/server/http";

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

let server: Server | undefined;
afterEach(
  () =>
    new Promise<void>((resolve) => {
      if (!server) return resolve();
      server.closeAllConnections();
      server.close(() => resolve());
      server = undefined;
    }),
);

/** A loopback server that counts connections, so keep-alive reuse is visible. */
async function serve(handler: Handler): Promise<{ url: string; connections: () => number }> {
  let connections = 0;
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => handler(req, Buffer.concat(chunks).toString("utf8"), res));
  });
  server.on("connection", () => (connections += 1));
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, connections: () => connections };
}

function request(overrides: Partial<TransportRequest> = {}): TransportRequest {
  return { method: "GET", headers: {}, signal: new AbortController().signal, ...overrides };
}

describe("node transport", () => {
  it("sends method, headers and a UTF-8 body with its length; returns status, headers and text", async () => {
    const seen: { method?: string; length?: string; type?: string; body?: string }[] = [];
    const { url } = await serve((req, body, res) => {
      seen.push({
        method: req.method,
        length: req.headers["content-length"],
        type: req.headers["content-type"],
        body,
      });
      res.setHeader("Location", "/api/admin/configuration/v1/conference/12/");
      res.setHeader("Set-Cookie", ["a=1", "b=2"]);
      res.writeHead(201);
      // Split inside a multi-byte character: the text must still decode whole.
      const bytes = Buffer.from('{"namn":"Vårdmöte åäö"}', "utf8");
      res.write(bytes.subarray(0, 11));
      res.end(bytes.subarray(11));
    });
    const body = JSON.stringify({ hälsning: "hej världen" });
    const res = await nodeTransport(
      `${url}/things/`,
      request({ method: "POST", headers: { "content-type": "application/json" }, body }),
    );
    expect(seen).toEqual([
      {
        method: "POST",
        length: String(Buffer.byteLength(body)),
        type: "application/json",
        body,
      },
    ]);
    expect(res.status).toBe(201);
    expect(res.text).toBe('{"namn":"Vårdmöte åäö"}');
    expect(res.headers.get("LOCATION")).toBe("/api/admin/configuration/v1/conference/12/");
    expect(res.headers.get("set-cookie")).toBe("a=1, b=2");
    expect(res.headers.get("retry-after")).toBeNull();
  });

  it("keeps the connection alive between requests", async () => {
    const { url, connections } = await serve((_req, _body, res) => res.end("ok"));
    for (let i = 0; i < 5; i++) {
      expect((await nodeTransport(`${url}/t`, request())).text).toBe("ok");
    }
    expect(connections()).toBe(1);
  });

  it("does not follow a redirect", async () => {
    let calls = 0;
    const { url } = await serve((_req, _body, res) => {
      calls += 1;
      res.writeHead(302, { location: `${url}/elsewhere` }).end();
    });
    const res = await nodeTransport(`${url}/r`, request());
    expect(res.status).toBe(302);
    expect(calls).toBe(1);
  });

  it("rejects, with a network code, when the connection drops mid-body", async () => {
    const { url } = await serve((req, _body, res) => {
      res.writeHead(200, { "content-length": "100" });
      // Dropped once the partial body is on its way.
      res.write("partial", () => req.socket.destroy());
    });
    const error = await nodeTransport(`${url}/t`, request()).then(
      () => undefined,
      (e: unknown) => e as { code?: string },
    );
    expect(error?.code).toBe("ECONNRESET");
  });

  it("rejects when the signal aborts a request that has no answer", async () => {
    const controller = new AbortController();
    // Aborted once the server has the request, which it never answers.
    const { url } = await serve(() => controller.abort());
    const pending = nodeTransport(`${url}/hang`, request({ signal: controller.signal }));
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
  });
});
