import { z } from "zod";
import { isJoinUrl } from "./names";

/** Join links: https, or http on loopback only (see `isJoinUrl`). */
export const HttpsUrl = z
  .url({ protocol: /^https?$/ })
  .max(2048)
  .refine(isJoinUrl, "must be an https URL");
export type HttpsUrl = z.infer<typeof HttpsUrl>;

/** Telephone dial-in, present only when the organizer has Teams Audio Conferencing. */
export const DialIn = z.object({
  number: z.string().min(1).max(64),
  conferenceId: z.string().min(1).max(64).optional(),
});
export type DialIn = z.infer<typeof DialIn>;

/**
 * Guest join data: everything the invitation may carry, and nothing else. Host PINs and host
 * links never appear here (they are fetched separately with the manageKey).
 */
export const JoinData = z.object({
  url: HttpsUrl,
  /** Pexip VMR alias (numeric, for Virtual Reception / video systems). */
  alias: z.string().min(1).max(250).optional(),
  /** `alias@domain` for SIP video systems. */
  sipUri: z.string().min(1).max(320).optional(),
  /** Teams meeting ID for joining by ID. */
  meetingId: z.string().min(1).max(64).optional(),
  /** Teams passcode that goes with the meeting ID (not a host secret). */
  passcode: z.string().min(1).max(64).optional(),
  dialIn: DialIn.optional(),
});
export type JoinData = z.infer<typeof JoinData>;
