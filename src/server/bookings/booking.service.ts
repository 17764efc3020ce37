// The booking operations as the routes see them: rows become API answers here, with the
// invitation rendered from the policy's template for the requested language.
import {
  type CreateMeetingRequest,
  type CreateMeetingResponse,
  type ChangeTypeRequest,
  type Locale,
  type MeetingResponse,
  type UpdateMeetingRequest,
  renderInvitation,
} from "../../shared";
import type { BookingRow } from "../db/tables";
import type { Organizer } from "../providers/video-provider";
import { toBooking } from "./booking.mapper";
import type { BookingDeps } from "./deps";
import { createBooking } from "./create-booking";
import {
  authorize,
  changeBookingType,
  hostLink,
  removeBooking,
  updateBooking,
} from "./manage-booking";

export interface BookingService {
  create(
    user: Organizer,
    input: CreateMeetingRequest,
    idempotencyKey: string | undefined,
  ): Promise<{ response: CreateMeetingResponse; replayed: boolean }>;
  get(id: string, manageKey: string | undefined, locale?: Locale): Promise<MeetingResponse>;
  update(
    user: Organizer,
    id: string,
    manageKey: string | undefined,
    patch: UpdateMeetingRequest,
    locale?: Locale,
  ): Promise<MeetingResponse>;
  changeType(
    user: Organizer,
    id: string,
    manageKey: string | undefined,
    request: ChangeTypeRequest,
  ): Promise<MeetingResponse>;
  remove(user: Organizer, id: string, manageKey: string | undefined): Promise<void>;
  hostUrl(user: Organizer, id: string, manageKey: string | undefined): Promise<string>;
}

export function createBookingService(deps: BookingDeps): BookingService {
  const respond = (row: BookingRow, locale: Locale | undefined): MeetingResponse => {
    const booking = toBooking(row);
    const invitation = renderInvitation(
      {
        bookingId: booking.id,
        type: booking.type,
        service: booking.service,
        join: booking.join,
        locale: locale ?? deps.policy.defaultLocale,
      },
      deps.policy,
    );
    return { booking, invitation };
  };
  return {
    async create(user, input, key) {
      const { row, manageKey, replayed } = await createBooking(deps, user, input, key);
      return { response: { ...respond(row, input.locale), manageKey }, replayed };
    },
    async get(id, manageKey, locale) {
      return respond(await authorize(deps, id, manageKey), locale);
    },
    async update(user, id, manageKey, patch, locale) {
      return respond(await updateBooking(deps, user, id, manageKey, patch), locale);
    },
    async changeType(user, id, manageKey, request) {
      return respond(await changeBookingType(deps, user, id, manageKey, request), request.locale);
    },
    remove: (user, id, manageKey) => removeBooking(deps, user, id, manageKey),
    hostUrl: (user, id, manageKey) => hostLink(deps, user, id, manageKey),
  };
}
