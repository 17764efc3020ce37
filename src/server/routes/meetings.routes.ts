// The booking API. Thin: validate with the shared schemas, call the service, answer.
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  API_PREFIX,
  ApiError,
  ChangeTypeRequest,
  CreateMeetingRequest,
  CreateMeetingResponse,
  HostLinkResponse,
  IdempotencyKey,
  ManageKey,
  MeetingParams,
  MeetingQuery,
  MeetingResponse,
  UpdateMeetingRequest,
} from "../../shared";
import type { BookingService } from "../bookings/booking.service";
import { AppError } from "../errors";
import { userOf } from "../web/authenticate";

const ERRORS = {
  400: ApiError,
  401: ApiError,
  403: ApiError,
  409: ApiError,
  422: ApiError,
  429: ApiError,
  502: ApiError,
  503: ApiError,
  504: ApiError,
};

// Documented as the UUID it must be; checked in the handler so a wrong one gets its own message.
const CreateHeaders = z.object({
  "idempotency-key": z
    .string()
    .optional()
    .meta({ description: "a fresh UUID (version 4 or 7) per user action", format: "uuid" }),
});

const BAD_IDEMPOTENCY_KEY = {
  sv: "Idempotency-Key måste vara ett slumpat UUID (version 4 eller 7), till exempel från crypto.randomUUID().",
  en: "Idempotency-Key must be a random UUID (version 4 or 7), for example from crypto.randomUUID().",
};

/** The header as a UUID v4/v7, or a 400 that says so (never stored when it is anything else). */
function idempotencyKeyOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (IdempotencyKey.safeParse(value).success) return value.toLowerCase();
  throw new AppError("validation_failed", "Idempotency-Key is not a UUID v4/v7", {
    publicMessage: BAD_IDEMPOTENCY_KEY,
  });
}
const ManageHeaders = z.object({ "x-manage-key": z.string().optional() });

/** A malformed key is treated like a wrong one: the same 403, never a 400 that tells them apart. */
function manageKeyOf(request: FastifyRequest): string | undefined {
  const raw = request.headers["x-manage-key"];
  const parsed = ManageKey.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

export function registerMeetingRoutes(
  app: FastifyInstance,
  /** The booking operations as this request should run them (see app.ts). */
  serviceFor: (request: FastifyRequest) => BookingService,
  authenticate: (request: FastifyRequest) => Promise<void>,
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = `${API_PREFIX}/meetings`;
  const security = [{ entra: [] }];

  r.post(
    base,
    {
      onRequest: authenticate,
      schema: {
        summary: "Create a meeting (Skapa möte)",
        headers: CreateHeaders,
        body: CreateMeetingRequest,
        response: { 201: CreateMeetingResponse, ...ERRORS },
        security,
      },
    },
    async (request, reply) => {
      const { response, replayed } = await serviceFor(request).create(
        userOf(request),
        request.body,
        idempotencyKeyOf(request.headers["idempotency-key"]),
      );
      if (replayed) reply.header("idempotent-replayed", "true");
      reply.header("cache-control", "no-store");
      return reply.code(201).send(response);
    },
  );

  r.get(
    `${base}/:id`,
    {
      onRequest: authenticate,
      schema: {
        summary: "Read a booking and its invitation",
        params: MeetingParams,
        querystring: MeetingQuery,
        headers: ManageHeaders,
        response: { 200: MeetingResponse, 404: ApiError, ...ERRORS },
        security,
      },
    },
    async (request) =>
      serviceFor(request).get(request.params.id, manageKeyOf(request), request.query.locale),
  );

  r.patch(
    `${base}/:id`,
    {
      onRequest: authenticate,
      schema: {
        summary: "Change the meeting's times",
        params: MeetingParams,
        querystring: MeetingQuery,
        headers: ManageHeaders,
        body: UpdateMeetingRequest,
        response: { 200: MeetingResponse, 404: ApiError, ...ERRORS },
        security,
      },
    },
    async (request) =>
      serviceFor(request).update(
        userOf(request),
        request.params.id,
        manageKeyOf(request),
        request.body,
        request.query.locale,
      ),
  );

  r.post(
    `${base}/:id/change-type`,
    {
      onRequest: authenticate,
      schema: {
        summary: "Change the meeting type (Välj om mötestyp)",
        params: MeetingParams,
        headers: ManageHeaders,
        body: ChangeTypeRequest,
        response: { 200: MeetingResponse, 404: ApiError, ...ERRORS },
        security,
      },
    },
    async (request) => {
      // The pane sends a key here too; unused, but held to the same rule as on create.
      const key = request.headers["idempotency-key"];
      idempotencyKeyOf(typeof key === "string" ? key : undefined);
      return serviceFor(request).changeType(
        userOf(request),
        request.params.id,
        manageKeyOf(request),
        request.body,
      );
    },
  );

  r.delete(
    `${base}/:id`,
    {
      onRequest: authenticate,
      schema: {
        summary: "Remove the meeting (Ta bort möte); idempotent",
        params: MeetingParams,
        headers: ManageHeaders,
        response: { 204: z.null(), 404: ApiError, ...ERRORS },
        security,
      },
    },
    async (request, reply) => {
      await serviceFor(request).remove(userOf(request), request.params.id, manageKeyOf(request));
      return reply.code(204).send(null);
    },
  );

  r.get(
    `${base}/:id/host`,
    {
      onRequest: authenticate,
      schema: {
        summary: "The host link for Starta möte (never put into the invitation)",
        params: MeetingParams,
        headers: ManageHeaders,
        response: { 200: HostLinkResponse, 404: ApiError, ...ERRORS },
        security,
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      return {
        hostUrl: await serviceFor(request).hostUrl(
          userOf(request),
          request.params.id,
          manageKeyOf(request),
        ),
      };
    },
  );
}
