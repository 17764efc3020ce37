// /openapi.json, written by @fastify/swagger with fastify-type-provider-zod's transform: the same
// zod schemas that validate the routes describe them, so the document cannot drift from what the
// service accepts. Only the booking API (/api/…) is in it; probes and pages are not the contract.
import fastifySwagger from "@fastify/swagger";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform } from "fastify-type-provider-zod";
import { registerSwaggerUi } from "./swagger-ui";

type TransformInput = Parameters<typeof jsonSchemaTransform>[0];

function apiOnly(input: TransformInput): ReturnType<typeof jsonSchemaTransform> {
  if (!input.url.startsWith("/api/"))
    return { schema: { ...input.schema, hide: true }, url: input.url };
  return jsonSchemaTransform(input);
}

/**
 * Registers the document's collector (and, with `swaggerUi`, the development UI at /docs); call
 * (and await) before the routes are registered.
 */
export async function registerOpenApi(
  app: FastifyInstance,
  options: { swaggerUi: boolean },
): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.0.3",
      info: {
        title: "Skyddat vårdmöte booking API",
        version: "1.0.0",
        description:
          "Books protected care meetings (Pexip VMR or Teams with meeting protection). See docs/api.md.",
      },
      components: {
        securitySchemes: {
          entra: { type: "http", scheme: "bearer", bearerFormat: "JWT (Entra ID v2 access token)" },
        },
      },
    },
    transform: apiOnly,
  });
  app.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  if (options.swaggerUi) await registerSwaggerUi(app);
}
