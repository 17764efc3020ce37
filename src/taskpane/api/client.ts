import {
  AdmitRequest,
  AdmitResponse,
  ChangeTypeRequest,
  CreateMeetingRequest,
  CreateMeetingResponse,
  HostLinkResponse,
  IDEMPOTENCY_KEY_HEADER,
  type Locale,
  MANAGE_KEY_HEADER,
  MeetingResponse,
  MeetingTypesResponse,
  UpdateMeetingRequest,
} from "../../shared/contract";
import type { BookingRef } from "../office/ports";
import type { z } from "zod";
import { type ClientOptions, request } from "../../shared/service-client/request";
import { type GetToken, browserFetch, openStream } from "./request";
import { type RoomApi, followRoom } from "./room";
import { ServiceError } from "./service-error";

/** The booking API as the pane uses it. Every answer is parsed with the contract. */
export interface BookingApi {
  getMeetingTypes(): Promise<MeetingTypesResponse>;
  createMeeting(body: CreateMeetingRequest, idempotencyKey: string): Promise<CreateMeetingResponse>;
  getMeeting(ref: BookingRef, locale: Locale): Promise<MeetingResponse>;
  updateMeeting(ref: BookingRef, body: UpdateMeetingRequest): Promise<MeetingResponse>;
  changeType(
    ref: BookingRef,
    body: ChangeTypeRequest,
    idempotencyKey: string,
  ): Promise<MeetingResponse>;
  deleteMeeting(ref: BookingRef): Promise<void>;
  getHostLink(ref: BookingRef): Promise<HostLinkResponse>;
}

/** The one client the pane talks to the service with: the booking calls and the waiting room. */
export type PaneApi = BookingApi & RoomApi;

export interface BookingApiOptions {
  /** e.g. "/api/v1" (same origin) or "https://vardmote.region.se/api/v1". */
  baseUrl: string;
  getToken: GetToken;
  fetch?: typeof fetch;
  attempts?: number;
  backoffMs?: (attempt: number) => number;
  timeoutMs?: number;
}

/** 300 ms, 600 ms, … with jitter, so many panes retrying after an outage do not stampede. */
function defaultBackoff(attempt: number): number {
  const base = 300 * 2 ** (attempt - 1);
  return Math.min(3000, base / 2 + Math.random() * base);
}

/**
 * Checks our own request against the contract before it leaves: the schemas are strict, so a
 * bug can never send the service anything but type, times and locale.
 */
function checked<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ServiceError("validation_failed", 0, parsed.error.message);
  return parsed.data;
}

function meetingPath(ref: BookingRef): string {
  return `/meetings/${encodeURIComponent(ref.bookingId)}`;
}

export function createBookingApi(options: BookingApiOptions): PaneApi {
  const fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
  const base: ClientOptions = {
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    getToken: options.getToken,
    fetch: browserFetch(fetchFn),
    attempts: options.attempts ?? 3,
    backoffMs: options.backoffMs ?? defaultBackoff,
    timeoutMs: options.timeoutMs ?? 20_000,
  };
  const manage = (ref: BookingRef): Record<string, string> => ({
    [MANAGE_KEY_HEADER]: ref.manageKey,
  });

  return {
    getMeetingTypes: () =>
      request(base, {
        method: "GET",
        path: "/meeting-types",
        schema: MeetingTypesResponse,
        retry: true,
      }),

    createMeeting: async (body, idempotencyKey) =>
      request(base, {
        method: "POST",
        path: "/meetings",
        body: checked(CreateMeetingRequest, body),
        headers: { [IDEMPOTENCY_KEY_HEADER]: idempotencyKey },
        schema: CreateMeetingResponse,
        retry: true,
      }),

    getMeeting: (ref, locale) =>
      request(base, {
        method: "GET",
        path: `${meetingPath(ref)}?locale=${locale}`,
        headers: manage(ref),
        schema: MeetingResponse,
        retry: true,
      }),

    updateMeeting: async (ref, body) =>
      request(base, {
        method: "PATCH",
        path: meetingPath(ref),
        body: checked(UpdateMeetingRequest, body),
        headers: manage(ref),
        schema: MeetingResponse,
        retry: true,
      }),

    changeType: async (ref, body, idempotencyKey) =>
      request(base, {
        method: "POST",
        path: `${meetingPath(ref)}/change-type`,
        body: checked(ChangeTypeRequest, body),
        headers: { ...manage(ref), [IDEMPOTENCY_KEY_HEADER]: idempotencyKey },
        schema: MeetingResponse,
        retry: true,
      }),

    deleteMeeting: (ref) =>
      request(base, {
        method: "DELETE",
        path: meetingPath(ref),
        headers: manage(ref),
        schema: null,
        retry: true,
      }),

    getHostLink: (ref) =>
      request(base, {
        method: "GET",
        path: `${meetingPath(ref)}/host`,
        headers: manage(ref),
        schema: HostLinkResponse,
        retry: true,
      }),

    watchRoom: (ref, handlers, signal) =>
      followRoom(
        (refresh) =>
          openStream(
            base,
            fetchFn,
            `${meetingPath(ref)}/room/events`,
            manage(ref),
            signal,
            refresh,
          ),
        handlers,
        signal,
      ),

    admit: (ref, body) =>
      request(base, {
        method: "POST",
        path: `${meetingPath(ref)}/room/admit`,
        body: checked(AdmitRequest, body),
        headers: manage(ref),
        schema: AdmitResponse,
        // Letting someone in twice is harmless, but a second click is the user's choice.
        retry: false,
      }),
  };
}
