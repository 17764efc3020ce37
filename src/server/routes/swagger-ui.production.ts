// What the production build (webpack.config.js) puts in place of swagger-ui.ts: no Swagger UI, and
// no reference to @fastify/swagger-ui, which `npm ci --omit=dev` does not install.
import type { FastifyInstance } from "fastify";

export const SWAGGER_UI_PREFIX = "/docs";

export async function registerSwaggerUi(app: FastifyInstance): Promise<void> {
  app.log.debug("Swagger UI is not part of the production build");
}
