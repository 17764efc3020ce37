// Swagger UI at /docs over /openapi.json's document: a development aid only. It is registered when
// NODE_ENV is not "production" (config.server.swaggerUi), @fastify/swagger-ui is a devDependency
// (`npm ci --omit=dev` leaves it out), and the production build swaps this file for
// swagger-ui.production.ts, so dist/server/server.js cannot load it whatever the environment.
import type { FastifyInstance } from "fastify";

export const SWAGGER_UI_PREFIX = "/docs";

/** Registers the UI; call after @fastify/swagger (registerOpenApi). */
export async function registerSwaggerUi(app: FastifyInstance): Promise<void> {
  const { default: swaggerUi } = await import("@fastify/swagger-ui");
  await app.register(swaggerUi, {
    routePrefix: SWAGGER_UI_PREFIX,
    // Its own page needs its own scripts and styles: the API's policy allows nothing.
    staticCSP: {
      "default-src": "'self'",
      "script-src": "'self'",
      "style-src": "'self' 'unsafe-inline'",
      "img-src": "'self' data:",
      "connect-src": "'self'",
      "object-src": "'none'",
      "base-uri": "'none'",
      "frame-ancestors": "'none'",
    },
  });
}
