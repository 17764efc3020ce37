// What the pane reads before sign-in: the meeting types and how to sign in.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  API_PREFIX,
  ApiError,
  ClientConfig,
  MeetingTypesResponse,
  type Policy,
  toMeetingTypesResponse,
} from "../../shared";

export function registerPublicRoutes(
  app: FastifyInstance,
  policy: Policy,
  clientConfig: ClientConfig,
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const types = toMeetingTypesResponse(policy);
  r.get(
    `${API_PREFIX}/meeting-types`,
    {
      schema: {
        summary:
          "The region's meeting types (labels, descriptions, service, limit, 1177 templates)",
        response: { 200: MeetingTypesResponse, 429: ApiError },
      },
    },
    async (_request, reply) => {
      reply.header("cache-control", "public, max-age=300");
      return types;
    },
  );
  r.get(
    `${API_PREFIX}/client-config`,
    {
      schema: {
        summary: "How the pane signs in and where the API is",
        response: { 200: ClientConfig, 429: ApiError },
      },
    },
    async (_request, reply) => {
      reply.header("cache-control", "public, max-age=300");
      return clientConfig;
    },
  );
}
