// A real loopback HTTP server whose answers a test scripts, recording every request it gets.
import { type IncomingMessage, type ServerResponse, createServer } from "node:http";

export interface Recorded {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: unknown;
}

export type Responder = (request: Recorded) => {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
};

export interface RecordingServer {
  url: string;
  requests: Recorded[];
  respond: (responder: Responder) => void;
  close: () => Promise<void>;
}

export async function startRecordingServer(): Promise<RecordingServer> {
  const requests: Recorded[] = [];
  let responder: Responder = () => ({ status: 404 });
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
    req.on("end", () => {
      const recorded: Recorded = {
        method: req.method ?? "GET",
        path: req.url ?? "/",
        headers: req.headers,
        body: raw === "" ? undefined : (JSON.parse(raw) as unknown),
      };
      requests.push(recorded);
      const answer = responder(recorded);
      res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
      res.end(answer.body === undefined ? "" : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    respond: (next) => {
      responder = next;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
