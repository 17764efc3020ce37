import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  FAKE_OFFICE_JS_TAG,
  OFFICE_JS_TAG,
  registerHarnessRoutes,
} from "../../src/dev/harness-routes";

let dist: string;
let app: FastifyInstance;

const PANE = `<!doctype html><html><head>${OFFICE_JS_TAG}<script defer src="/taskpane.abc.js"></script></head><body></body></html>`;

beforeAll(async () => {
  dist = await mkdtemp(path.join(tmpdir(), "svm-harness-routes-"));
  await mkdir(path.join(dist, "harness"));
  await writeFile(path.join(dist, "taskpane.html"), PANE);
  await writeFile(path.join(dist, "commands.html"), PANE.replace("taskpane.abc", "launchevent"));
  await writeFile(path.join(dist, "plain.html"), "<p>no office.js here</p>");
  await writeFile(path.join(dist, "harness.html"), "<h1>Outlook-harness</h1>");
  await writeFile(path.join(dist, "harness", "office.js"), "window.Office = {};");
  await writeFile(path.join(dist, "harness", "harness.js"), "/* page */");
  await writeFile(path.join(dist, "harness", "harness.css"), "body{}");
  app = Fastify();
  // One folder for both here; in the repository the harness is dist-dev/, beside dist/.
  registerHarnessRoutes(app, { distDir: dist, harnessDir: dist });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await rm(dist, { recursive: true, force: true });
});

describe("the harness routes", () => {
  it("serve the built pane with the Office.js CDN tag swapped for the fake, and nothing else changed", async () => {
    const res = await app.inject("/harness/taskpane.html?mode=attendee");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/html/);
    expect(res.body).toBe(PANE.replace(OFFICE_JS_TAG, FAKE_OFFICE_JS_TAG));
    expect(res.headers["cache-control"]).toBe("no-store");
    const commands = await app.inject("/harness/commands.html");
    expect(commands.body).toContain(`${FAKE_OFFICE_JS_TAG}<script defer src="/launchevent.js">`);
  });

  it("serve the page, the fake Office.js, the page script and styles", async () => {
    expect((await app.inject("/harness.html")).body).toContain("Outlook-harness");
    const office = await app.inject("/harness/office.js");
    expect(office.headers["content-type"]).toMatch(/^text\/javascript/);
    expect(office.body).toBe("window.Office = {};");
    expect((await app.inject("/harness/harness.css")).headers["content-type"]).toMatch(
      /^text\/css/,
    );
    expect((await app.inject("/harness")).headers.location).toBe("/harness.html");
  });

  it("refuse what they cannot serve, with a clear reason", async () => {
    const missing = await app.inject("/harness/nothing.html");
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toMatch(/npm run build/);
    const noTag = await app.inject("/harness/plain.html");
    expect(noTag.statusCode).toBe(500);
    expect(noTag.body).toContain(OFFICE_JS_TAG);
    expect((await app.inject("/harness/..%2fpackage.json")).statusCode).toBe(400);
    expect((await app.inject("/harness/taskpane.js")).statusCode).toBe(404);
  });
});
