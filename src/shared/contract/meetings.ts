import { z } from "zod";
import { Booking, BookingId, Invitation, ManageKey } from "./booking";
import { Locale, MeetingTypeId } from "./ids";
import { HttpsUrl } from "./join";
import { DateTimeInput, MAX_MEETING_DURATION_MS } from "./time";

type Window = { start?: string; end?: string; seriesEnd?: string | null };

// Shared by create and update so both routes reject the same impossible windows the same way.
function checkWindow(value: Window, ctx: z.RefinementCtx): void {
  const { start, end, seriesEnd } = value;
  if (start !== undefined && end !== undefined) {
    const duration = Date.parse(end) - Date.parse(start);
    if (!(duration > 0)) {
      ctx.addIssue({ code: "custom", path: ["end"], message: "end must be after start" });
    } else if (duration > MAX_MEETING_DURATION_MS) {
      ctx.addIssue({
        code: "custom",
        path: ["end"],
        message: "a meeting may last at most 24 hours",
      });
    }
  }
  if (end !== undefined && seriesEnd !== undefined && seriesEnd !== null) {
    if (Date.parse(seriesEnd) < Date.parse(end)) {
      ctx.addIssue({
        code: "custom",
        path: ["seriesEnd"],
        message: "seriesEnd must not be before end",
      });
    }
  }
}

/**
 * `POST /api/v1/meetings`. Strict: the service must never receive subject, attendees, body or
 * location, so an unknown key is a client bug and is rejected, not ignored.
 */
export const CreateMeetingRequest = z
  .strictObject({
    type: MeetingTypeId,
    start: DateTimeInput,
    end: DateTimeInput,
    seriesEnd: DateTimeInput.nullable().optional(),
    locale: Locale.optional(),
  })
  .superRefine(checkWindow);
export type CreateMeetingRequest = z.infer<typeof CreateMeetingRequest>;

/** 201 answer; `manageKey` is returned only here, once. */
export const CreateMeetingResponse = z.object({
  booking: Booking,
  manageKey: ManageKey,
  invitation: Invitation,
});
export type CreateMeetingResponse = z.infer<typeof CreateMeetingResponse>;

/** Answer of GET /meetings/{id}, PATCH /meetings/{id} and POST /meetings/{id}/change-type. */
export const MeetingResponse = z.object({ booking: Booking, invitation: Invitation });
export type MeetingResponse = z.infer<typeof MeetingResponse>;

/**
 * `PATCH /api/v1/meetings/{id}`. Start and end travel together because Graph refuses to change
 * one without the other; an empty patch is a client bug.
 */
export const UpdateMeetingRequest = z
  .strictObject({
    start: DateTimeInput.optional(),
    end: DateTimeInput.optional(),
    seriesEnd: DateTimeInput.nullable().optional(),
  })
  .superRefine((value, ctx) => {
    if ((value.start === undefined) !== (value.end === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: [value.start === undefined ? "start" : "end"],
        message: "start and end must be given together",
      });
    }
    if (value.start === undefined && value.end === undefined && value.seriesEnd === undefined) {
      ctx.addIssue({ code: "custom", path: [], message: "nothing to update" });
    }
    checkWindow(value, ctx);
  });
export type UpdateMeetingRequest = z.infer<typeof UpdateMeetingRequest>;

/** `POST /api/v1/meetings/{id}/change-type`. */
export const ChangeTypeRequest = z.strictObject({ type: MeetingTypeId, locale: Locale.optional() });
export type ChangeTypeRequest = z.infer<typeof ChangeTypeRequest>;

/** `GET /api/v1/meetings/{id}/host`: opened by *Starta möte*, never written into the body. */
export const HostLinkResponse = z.object({ hostUrl: HttpsUrl });
export type HostLinkResponse = z.infer<typeof HostLinkResponse>;

/** Path parameters of every `/meetings/{id}` route. */
export const MeetingParams = z.object({ id: BookingId });
export type MeetingParams = z.infer<typeof MeetingParams>;

/** Query of GET /meetings/{id}: which language to render the invitation in. */
export const MeetingQuery = z.object({ locale: Locale.optional() });
export type MeetingQuery = z.infer<typeof MeetingQuery>;
