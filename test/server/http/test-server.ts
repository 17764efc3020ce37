// A tiny scripted HTTP server on loopback for the HTTP client's own tests: each request takes
// the next scripted answer (the last one repeats).
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Clock } from "../../../src/server/http";

export type Scripted =
  | { status: number; json?: unknown; headers?: Record<string, string> }
  | { hang: true }
  | { drop: true };

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

export interface TestServer {
  url: string;
  seen: SeenRequest[];
  script(...answers: Scripted[]): void;
  close(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  let answers: Scripted[] = [{ status: 200, json: {} }];
  const seen: SeenRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      seen.push({
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      const answer = answers.length > 1 ? answers.shift() : answers[0];
      if (!answer || "hang" in answer) return;
      if ("drop" in answer) {
        req.socket.destroy();
        return;
      }
      const body = answer.json === undefined ? "" : JSON.stringify(answer.json);
      res.writeHead(answer.status, {
        ...(body ? { "content-type": "application/json" } : {}),
        ...answer.headers,
      });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    script: (...next) => {
      answers = next;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Real time plus whatever the client "slept": waits are recorded, not spent. */
export function recordingClock(): Clock & { sleeps: number[] } {
  let offset = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => Date.now() + offset,
    sleep: (ms) => {
      sleeps.push(ms);
      offset += ms;
      return Promise.resolve();
    },
  };
}
