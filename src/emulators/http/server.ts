import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { type AddressInfo } from "node:net";
import { type EmuRequest } from "./request";
import { json, type Reply } from "./reply";

const MAX_BODY_BYTES = 1024 * 1024;

export interface HttpServerHandle {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface HttpServerOptions {
  port: number;
  handle(req: EmuRequest): Promise<Reply>;
}

/** A plain node:http server on 127.0.0.1 that reads the whole body before handing it over. */
export async function startHttpServer(options: HttpServerOptions): Promise<HttpServerHandle> {
  const server = createServer((req, res) => {
    void serve(req, res, options.handle);
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    // A deep backlog: load tests open hundreds of connections at once.
    server.listen({ port: options.port, host: "127.0.0.1", backlog: 4096 }, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Hung requests and idle keep-alive sockets would otherwise hold close() open.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

async function serve(
  req: IncomingMessage,
  res: ServerResponse,
  handle: (req: EmuRequest) => Promise<Reply>,
): Promise<void> {
  let reply: Reply;
  try {
    const body = await readBody(req);
    if (body === "too-large") {
      reply = json(413, { error: "request body too large" });
    } else {
      const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "127.0.0.1"}`);
      reply = await handle({ method: req.method ?? "GET", url, headers: req.headers, body });
    }
  } catch (err) {
    reply = json(500, { error: "emulator error", detail: String(err) });
  }
  if (reply.action === "drop") {
    req.socket.destroy();
    return;
  }
  if (reply.action === "hang") return;
  res.writeHead(reply.status, reply.headers);
  res.end(reply.body);
}

function readBody(req: IncomingMessage): Promise<Buffer | "too-large"> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(tooLarge ? "too-large" : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}
