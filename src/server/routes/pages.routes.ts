// The add-in's own files, served by the same service: task pane, commands page,
// launchevent.js, icons, support page, the manifest with this deployment's origin written in,
// and the allow-list classic Outlook needs before it runs launchevent.js.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import type { Config } from "../config";
import { inlineScriptHashes } from "../web/inline-scripts";
import { pageHelmet } from "../web/security";
import { HASHED_BUNDLE, allowedFiles, canonicalPath } from "../web/static-allow-list";

/**
 * The task pane's page: kept ten minutes, so that a pane reopened while the service is down
 * still opens from the browser's cache (its scripts are immutable, below) and says what is wrong
 * instead of showing a blank frame; a new deployment reaches every pane within ten minutes.
 * (Chromium serves no stale page on a network error, and no stale-while-revalidate for frames.)
 */
export const PANE_PAGE_CACHE = "public, max-age=600";
/** Content-hashed bundles never change under their name. */
export const HASHED_BUNDLE_CACHE = "public, max-age=31536000, immutable";
const PANE_PAGE = "taskpane.html";

/** The origin a built manifest points at (the task pane's SourceLocation). */
export function manifestOrigin(xml: string): string | null {
  const match = /<SourceLocation\s+DefaultValue="(https?:\/\/[^/"]+)\//.exec(xml);
  return match?.[1] ?? null;
}

/** The manifest with every URL moved to `origin`. */
export function rewriteManifest(xml: string, origin: string): string {
  const built = manifestOrigin(xml);
  return built === null ? xml : xml.replaceAll(built, origin);
}

export async function registerPageRoutes(app: FastifyInstance, config: Config): Promise<void> {
  const root = path.resolve(config.server.staticDir);
  const origin = config.server.publicOrigin;
  const paneFile = path.join(root, PANE_PAGE);
  if (!existsSync(paneFile)) {
    app.log.warn({ root }, "no built add-in pages here (run npm run build); serving the API only");
    return;
  }
  // The pane's inline fallback for "cannot start" runs by its hash, never any other inline script.
  const helmet = pageHelmet(config, inlineScriptHashes(readFileSync(paneFile, "utf8")));
  await app.register(fastifyStatic, { root, serve: false });
  const manifestFile = path.join(root, "manifest.xml");
  const manifest = existsSync(manifestFile)
    ? rewriteManifest(readFileSync(manifestFile, "utf8"), origin)
    : null;

  app.get("/", { helmet }, (_request, reply) => reply.redirect("/taskpane.html"));
  app.get("/manifest.xml", { helmet }, (_request, reply) => {
    if (manifest === null) return reply.callNotFound();
    return reply
      .type("application/xml; charset=utf-8")
      .header("cache-control", "no-cache")
      .send(manifest);
  });
  app.get("/.well-known/microsoft-officeaddins-allowed.json", { helmet }, (_request, reply) =>
    reply
      .type("application/json; charset=utf-8")
      .header("cache-control", "no-cache")
      .send({ allowed: [`${origin}/launchevent.js`] }),
  );
  // Listed once at start-up: a deployment's dist/ does not change under a running service.
  const allowed = allowedFiles(root);
  app.get("/*", { helmet }, (request, reply) => {
    const wanted = canonicalPath(request.url);
    const file = wanted === null ? undefined : allowed.get(wanted);
    if (file === undefined) return reply.callNotFound();
    const cache = HASHED_BUNDLE.test(file)
      ? HASHED_BUNDLE_CACHE
      : file === PANE_PAGE
        ? PANE_PAGE_CACHE
        : "no-cache";
    return reply.header("cache-control", cache).sendFile(file, { cacheControl: false });
  });
}
