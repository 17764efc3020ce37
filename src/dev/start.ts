// `npm start` (foundation stage): serves the built add-in pages from dist/ on
// http://localhost:3000. The booking-service issue replaces this with the full embedded default.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const dist = fileURLToPath(new URL("../../dist/", import.meta.url));
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
};
const port = Number(process.env.PORT ?? 3000);

const server = createServer((req, res) => {
  const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
  const file = path.join(dist, pathname === "/" ? "taskpane.html" : pathname);
  if (!file.startsWith(dist)) return void res.writeHead(400).end();
  readFile(file).then(
    (body) =>
      res
        .writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" })
        .end(body),
    () => res.writeHead(404, { "content-type": "text/plain" }).end("Not found\n"),
  );
});

server.listen(port, "127.0.0.1", () => {
  process.stdout.write(
    `Skyddat vårdmöte: the add-in's pages at http://localhost:${port}/taskpane.html\n`,
  );
});
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => server.close(() => process.exit(0)));
