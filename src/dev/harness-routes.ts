// The Outlook harness's routes (development only; `npm start` and the browser tests add them):
//   /harness.html           the appointment form that hosts the add-in
//   /harness/<page>.html    a built page of the add-in (taskpane.html, commands.html, a dialog)
//                           with its Office.js CDN <script> swapped for the harness's fake — one
//                           exact string replacement; the page's own bundle is untouched
//   /harness/harness.js, /harness/office.js, /harness/harness.css   the harness itself
//   POST /harness/patient   {alias}: a simulated patient joins that Pexip VMR as a guest and
//                           waits (the button "Simulera att patienten ansluter")
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";

export const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
export const OFFICE_JS_TAG = `<script src="${OFFICE_JS_CDN}"></script>`;
export const FAKE_OFFICE_JS_TAG = `<script src="/harness/office.js"></script>`;

/** The Pexip emulator's scripted callers (src/emulators/pexip/live.ts), as far as the harness needs them. */
export interface SimulatedCallers {
  join(request: {
    alias: string;
    displayName: string;
    role: "guest";
  }): { ok: true; participant: { id: string } } | { ok: false; status: number; reason: string };
}

export interface HarnessRouteOptions {
  /** The build output (`dist/`), where `npm run build` wrote the add-in's pages. */
  distDir: string;
  /** Where `npm run build:harness` wrote the harness (`dist-dev/`; never inside dist/). */
  harnessDir: string;
  /** The Pexip emulator, for "Simulera att patienten ansluter"; without it that route is 404. */
  callers?: SimulatedCallers;
}

/** The harness's build output beside dist/: development only, never deployed. */
export const HARNESS_DIR = "dist-dev";

/** The simulated patient's display name: the tax agency's own fictional person. */
export const SIMULATED_PATIENT_NAME = "Tolvan Tolvansson";

const PatientRequest = z.strictObject({ alias: z.string().regex(/^\d{4,20}$/, "a VMR alias") });

const HarnessFile = z.object({
  file: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]*\.(html|js|css)$/i, "a file name such as taskpane.html"),
});

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};

const OWN_FILES = new Set(["harness.js", "office.js", "harness.css"]);

/**
 * The service's helmet answers everything with its strictest policy unless a route says
 * otherwise; these development pages set their own headers (harnessHeaders).
 */
const OWN_HEADERS = { helmet: false } as const;

export function registerHarnessRoutes(app: FastifyInstance, opts: HarnessRouteOptions): void {
  const dist = path.resolve(opts.distDir);
  const own = path.resolve(opts.harnessDir);

  app.get("/harness", OWN_HEADERS, (_request, reply) => reply.redirect("/harness.html"));

  app.get("/harness.html", OWN_HEADERS, (_request, reply) =>
    sendFile(reply, path.join(own, "harness.html"), "harness.html"),
  );

  const callers = opts.callers;
  if (callers) {
    app.post("/harness/patient", OWN_HEADERS, async (request, reply) => {
      const parsed = PatientRequest.safeParse(request.body);
      if (!parsed.success)
        return reply.code(400).type("text/plain; charset=utf-8").send("give {alias}");
      const joined = callers.join({
        alias: parsed.data.alias,
        displayName: SIMULATED_PATIENT_NAME,
        role: "guest",
      });
      if (!joined.ok)
        return reply.code(joined.status).type("text/plain; charset=utf-8").send(joined.reason);
      return harnessHeaders(reply).code(201).send({ id: joined.participant.id });
    });
  }

  app.get("/harness/:file", OWN_HEADERS, async (request, reply) => {
    const parsed = HarnessFile.safeParse(request.params);
    if (!parsed.success)
      return reply
        .code(400)
        .type("text/plain; charset=utf-8")
        .send(parsed.error.issues[0]?.message);
    const { file } = parsed.data;
    if (OWN_FILES.has(file)) return sendFile(reply, path.join(own, "harness", file), file);
    if (!file.endsWith(".html")) return notFound(reply, file);

    let html: string;
    try {
      html = await readFile(path.join(dist, file), "utf8");
    } catch {
      return notFound(reply, file);
    }
    if (!html.includes(OFFICE_JS_TAG))
      return reply
        .code(500)
        .type("text/plain; charset=utf-8")
        .send(
          `dist/${file} does not load Office.js with ${OFFICE_JS_TAG}; the harness cannot host it`,
        );
    return harnessHeaders(reply)
      .type(TYPES[".html"] ?? "text/html")
      .send(html.replace(OFFICE_JS_TAG, FAKE_OFFICE_JS_TAG));
  });
}

async function sendFile(reply: FastifyReply, file: string, name: string): Promise<FastifyReply> {
  try {
    const body = await readFile(file);
    return harnessHeaders(reply)
      .type(TYPES[path.extname(file)] ?? "application/octet-stream")
      .send(body);
  } catch {
    return notFound(reply, name);
  }
}

function notFound(reply: FastifyReply, name: string): FastifyReply {
  return reply
    .code(404)
    .type("text/plain; charset=utf-8")
    .send(`${name} is not built: run npm run build && npm run build:harness (npm start does)`);
}

/**
 * The harness is rebuilt often and frames its own pages: never cache, frames from this origin
 * only. No script policy: the pane's copy runs as in Outlook, whose pages are not ours to police
 * here (the real pages keep the service's own headers).
 */
function harnessHeaders(reply: FastifyReply): FastifyReply {
  reply.header("cache-control", "no-store");
  reply.header("x-frame-options", "SAMEORIGIN");
  reply.header("content-security-policy", "frame-ancestors 'self'");
  reply.header("x-content-type-options", "nosniff");
  return reply;
}
