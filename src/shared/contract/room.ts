import { z } from "zod";
import { UtcDateTime } from "./time";

/**
 * A waiting participant's id in our API: an HMAC of the video service's call id, so the
 * service's own ids (Pexip's UUIDs) never reach the pane. Stable while the call lasts.
 */
export const RoomParticipantId = z
  .string()
  .min(16)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "must be base64url");
export type RoomParticipantId = z.infer<typeof RoomParticipantId>;

/** empty: nobody there; waiting: a guest waits to be let in; in_progress: the meeting runs. */
export const RoomState = z.enum(["empty", "waiting", "in_progress", "ended"]);
export type RoomState = z.infer<typeof RoomState>;

/**
 * One guest held at the waiting screen. `displayName` (what the guest typed when joining) is
 * personal data: the service hands it to the pane in this answer only. It is never stored,
 * logged, cached beyond the request, counted in metrics or put in an error. The meeting type's
 * policy decides whether the pane gets the name or only its initials.
 */
export const WaitingParticipant = z.object({
  id: RoomParticipantId,
  /** Seconds since the guest joined, at `asOf`. */
  waitedSeconds: z.number().int().nonnegative(),
  displayName: z
    .string()
    .max(100)
    .optional()
    .describe(
      "Personal data: the name the guest typed. Only in this answer, only when the meeting type's policy shows names; never stored, logged, cached, counted in metrics or put in an error.",
    ),
  initials: z
    .string()
    .max(3)
    .optional()
    .describe("The display name's initials (the default policy for care meetings)."),
});
export type WaitingParticipant = z.infer<typeof WaitingParticipant>;

export const RoomCounts = z.object({
  waiting: z.number().int().nonnegative(),
  /** Guests in the meeting (let in). */
  guests: z.number().int().nonnegative(),
  hosts: z.number().int().nonnegative(),
  /** The meeting type's participant limit; null = none of our own. */
  limit: z.number().int().positive().nullable(),
});
export type RoomCounts = z.infer<typeof RoomCounts>;

/** `GET /api/v1/meetings/{id}/room` and each event of `…/room/events`. */
export const RoomView = z.discriminatedUnion("handledBy", [
  z.object({
    handledBy: z.literal("service"),
    state: RoomState,
    counts: RoomCounts,
    /** Longest wait first. */
    waiting: z.array(WaitingParticipant),
    /** "names": display names; "initials": initials only (the default for care meetings). */
    names: z.enum(["names", "initials"]),
    /** When the video service was asked. */
    asOf: UtcDateTime,
  }),
  /** Teams meetings: the lobby is handled in Teams (Graph has no admit API). */
  z.object({ handledBy: z.literal("teams") }),
]);
export type RoomView = z.infer<typeof RoomView>;

/** `POST /api/v1/meetings/{id}/room/admit`: one waiting participant, or everyone waiting. */
export const AdmitRequest = z.union([
  z.strictObject({ participantId: RoomParticipantId }),
  z.strictObject({ all: z.literal(true) }),
]);
export type AdmitRequest = z.infer<typeof AdmitRequest>;

export const AdmitResponse = z.object({ admitted: z.number().int().nonnegative() });
export type AdmitResponse = z.infer<typeof AdmitResponse>;
