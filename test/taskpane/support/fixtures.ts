import type {
  Booking,
  CreateMeetingResponse,
  MeetingResponse,
  MeetingTypesResponse,
} from "../../../src/shared/contract";
import { DEFAULT_POLICY, renderInvitation, toMeetingTypesResponse } from "../../../src/shared";

export const BOOKING_ID = "0b5a3c4e-6f7a-4b8c-9d0e-1f2a3b4c5d6e";
export const MANAGE_KEY = "m".repeat(43);
export const REF = { bookingId: BOOKING_ID, manageKey: MANAGE_KEY };

export const meetingTypes: MeetingTypesResponse = toMeetingTypesResponse(DEFAULT_POLICY);

export function booking(overrides: Partial<Booking> = {}): Booking {
  return {
    id: BOOKING_ID,
    type: "care",
    service: "pexip",
    start: "2030-11-27T09:00:00.000Z",
    end: "2030-11-27T10:00:00.000Z",
    seriesEnd: null,
    state: "active",
    join: {
      url: "https://join.vardmote.example.se/webapp/m/9100123456/step-by-step?role=guest",
      alias: "9100123456",
      sipUri: "9100123456@vardmote.example.se",
    },
    createdAt: "2026-11-20T08:00:00.000Z",
    updatedAt: "2026-11-20T08:00:00.000Z",
    ...overrides,
  };
}

export function meeting(b: Booking = booking(), locale: "sv" | "en" = "sv"): MeetingResponse {
  return {
    booking: b,
    invitation: renderInvitation({
      bookingId: b.id,
      type: b.type,
      service: b.service,
      join: b.join,
      locale,
    }),
  };
}

export function created(b: Booking = booking()): CreateMeetingResponse {
  return { ...meeting(b), manageKey: MANAGE_KEY };
}
