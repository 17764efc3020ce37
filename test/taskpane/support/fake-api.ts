import type { Booking, CreateMeetingRequest, MeetingTypeId } from "../../../src/shared/contract";
import { renderInvitation } from "../../../src/shared";
import type { BookingApi } from "../../../src/taskpane/api/client";
import { ServiceError } from "../../../src/taskpane/api/service-error";
import { booking, meetingTypes } from "./fixtures";

export interface FakeApi extends BookingApi {
  bookings: Map<string, Booking>;
  calls: Array<{ method: string; body?: unknown; key?: string }>;
  /** Method name → the error its next call fails with. */
  failNext: (method: keyof BookingApi, error: ServiceError) => void;
}

let counter = 0;

function invitationFor(b: Booking, locale: "sv" | "en" = "sv") {
  return renderInvitation({
    bookingId: b.id,
    type: b.type,
    service: b.service,
    join: b.join,
    locale,
  });
}

const SERVICE: Record<MeetingTypeId, Booking["service"]> = {
  care: "pexip",
  information: "teams",
  internal: "teams",
};

function joinFor(type: MeetingTypeId, n: number): Booking["join"] {
  return SERVICE[type] === "pexip"
    ? {
        url: `https://join.vardmote.example.se/webapp/m/91001${n}/step-by-step?role=guest`,
        alias: `91001${n}`,
      }
    : { url: `https://teams.microsoft.com/meet/2${n}?p=abc`, meetingId: `2${n}`, passcode: "x7Yz" };
}

/** An in-memory booking service behind the BookingApi interface, with failure injection. */
export function fakeApi(): FakeApi {
  const bookings = new Map<string, Booking>();
  const calls: FakeApi["calls"] = [];
  const failures = new Map<string, ServiceError>();
  const check = (method: string) => {
    const error = failures.get(method);
    if (error) {
      failures.delete(method);
      throw error;
    }
  };
  const find = (id: string): Booking => {
    const found = bookings.get(id);
    if (!found || found.state !== "active") throw new ServiceError("not_found", 404, "gone");
    return found;
  };
  return {
    bookings,
    calls,
    failNext: (method, error) => failures.set(method, error),
    async getMeetingTypes() {
      calls.push({ method: "getMeetingTypes" });
      check("getMeetingTypes");
      return meetingTypes;
    },
    async createMeeting(body: CreateMeetingRequest, key) {
      calls.push({ method: "createMeeting", body, key });
      check("createMeeting");
      const n = ++counter;
      const id = `0b5a3c4e-6f7a-4b8c-9d0e-${String(n).padStart(12, "0")}`;
      const b = booking({
        id,
        type: body.type,
        service: SERVICE[body.type],
        start: body.start,
        end: body.end,
        seriesEnd: body.seriesEnd ?? null,
        join: joinFor(body.type, n),
      });
      bookings.set(id, b);
      return {
        booking: b,
        manageKey: `key${"x".repeat(40)}${n}`,
        invitation: invitationFor(b, body.locale),
      };
    },
    async getMeeting(ref, locale) {
      calls.push({ method: "getMeeting", body: { locale } });
      check("getMeeting");
      const b = find(ref.bookingId);
      return { booking: b, invitation: invitationFor(b, locale) };
    },
    async updateMeeting(ref, body) {
      calls.push({ method: "updateMeeting", body });
      check("updateMeeting");
      const b = { ...find(ref.bookingId), ...body } as Booking;
      bookings.set(b.id, b);
      return { booking: b, invitation: invitationFor(b) };
    },
    async changeType(ref, body, key) {
      calls.push({ method: "changeType", body, key });
      check("changeType");
      const n = ++counter;
      const b = {
        ...find(ref.bookingId),
        type: body.type,
        service: SERVICE[body.type],
        join: joinFor(body.type, n),
      };
      bookings.set(b.id, b);
      return { booking: b, invitation: invitationFor(b, body.locale) };
    },
    async deleteMeeting(ref) {
      calls.push({ method: "deleteMeeting" });
      check("deleteMeeting");
      const b = find(ref.bookingId);
      bookings.set(b.id, { ...b, state: "removed" });
    },
    async getHostLink(ref) {
      calls.push({ method: "getHostLink" });
      check("getHostLink");
      find(ref.bookingId);
      return { hostUrl: "https://join.vardmote.example.se/webapp/m/9100/express?pin=1234" };
    },
  };
}
