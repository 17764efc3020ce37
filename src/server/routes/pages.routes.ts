// The add-in's own files, served by the same service: task pane, commands page,
// launchevent.js, icons, support page, the manifest with this deployment's origin written in,
// and the allow-list classic Outlook needs before it runs launchevent.js.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import type { Config } from "../config";
import { pageHelmet } from "../web/security";
import { allowedFiles, canonicalPath } from "../web/static-allow-list";

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
  const helmet = pageHelmet(config);
  if (!existsSync(path.join(root, "taskpane.html"))) {
    app.log.warn({ root }, "no built add-in pages here (run npm run build); serving the API only");
    return;
  }
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
    const hashed = /\.[0-9a-f]{8}\.js$/.test(file);
    return reply.sendFile(file, {
      cacheControl: true,
      maxAge: hashed ? 365 * 86_400_000 : 0,
      immutable: hashed,
    });
  });
}
