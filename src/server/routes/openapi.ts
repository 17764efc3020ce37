// /openapi.json, generated from the same zod schemas that validate the routes (zod 4's
// toJSONSchema), so the document cannot drift from what the service accepts.
import type { FastifyInstance, RouteOptions } from "fastify";
import { z } from "zod";

interface Collected {
  method: string;
  url: string;
  schema: Record<string, unknown>;
}

function isZod(value: unknown): value is z.ZodType {
  return value instanceof z.ZodType;
}

function toJson(schema: z.ZodType, io: "input" | "output"): unknown {
  return z.toJSONSchema(schema, { io, target: "openapi-3.0", unrepresentable: "any" });
}

function parameters(schema: unknown, where: "path" | "query" | "header"): unknown[] {
  if (!(schema instanceof z.ZodObject)) return [];
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, field]) => ({
    name,
    in: where,
    required: where === "path" || !field.safeParse(undefined).success,
    schema: toJson(field, "input"),
  }));
}

function operation(route: Collected): Record<string, unknown> {
  const s = route.schema;
  const responses: Record<string, unknown> = {};
  for (const [status, schema] of Object.entries((s.response ?? {}) as Record<string, unknown>)) {
    responses[status] =
      status === "204" || !isZod(schema)
        ? { description: "No content" }
        : {
            description: status.startsWith("2") ? "OK" : "Error",
            content: { "application/json": { schema: toJson(schema, "output") } },
          };
  }
  return {
    summary: s.summary,
    ...(typeof s.description === "string" ? { description: s.description } : {}),
    ...(s.security ? { security: s.security } : {}),
    parameters: [
      ...parameters(s.params, "path"),
      ...parameters(s.querystring, "query"),
      ...parameters(s.headers, "header"),
    ],
    ...(isZod(s.body)
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: toJson(s.body, "input") } },
          },
        }
      : {}),
    responses,
  };
}

/** Collects every route with a zod schema; call before the routes are registered. */
export function registerOpenApi(app: FastifyInstance): void {
  const routes: Collected[] = [];
  app.addHook("onRoute", (route: RouteOptions) => {
    if (route.schema && route.url.startsWith("/api/")) {
      for (const method of [route.method].flat()) {
        if (method !== "HEAD")
          routes.push({
            method: method.toLowerCase(),
            url: route.url,
            schema: route.schema as Record<string, unknown>,
          });
      }
    }
  });
  let document: unknown;
  app.get("/openapi.json", async () => {
    document ??= build(routes);
    return document;
  });
}

function build(routes: Collected[]): unknown {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.url.replace(/:([A-Za-z]+)/g, "{$1}");
    (paths[path] ??= {})[route.method] = operation(route);
  }
  return {
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
    paths,
  };
}
