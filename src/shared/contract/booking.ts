import { z } from "zod";
import { MeetingTypeId, ServiceId } from "./ids";
import { JoinData } from "./join";
import { UtcDateTime } from "./time";

export const BookingId = z.uuid();
export type BookingId = z.infer<typeof BookingId>;

export const BookingState = z.enum(["active", "removed"]);
export type BookingState = z.infer<typeof BookingState>;

/** A booking as the service reports it. No personal data beyond what a guest sees. */
export const Booking = z.object({
  id: BookingId,
  type: MeetingTypeId,
  service: ServiceId,
  start: UtcDateTime,
  end: UtcDateTime,
  /** End of the recurring series (the last occurrence's end), null for a single meeting. */
  seriesEnd: UtcDateTime.nullable(),
  state: BookingState,
  join: JoinData,
  createdAt: UtcDateTime,
  updatedAt: UtcDateTime,
});
export type Booking = z.infer<typeof Booking>;

/** The rendered invitation block and the Location text (see shared/invitation). */
export const Invitation = z.object({
  html: z.string().min(1),
  text: z.string().min(1),
  location: z.string().min(1),
});
export type Invitation = z.infer<typeof Invitation>;

/**
 * The secret that lets whoever can edit the appointment manage its meeting:
 * 256 random bits, base64url (43 characters). Kept loose in length so a future key format
 * does not break old clients.
 */
export const ManageKey = z
  .string()
  .min(32)
  .max(256)
  .regex(/^[A-Za-z0-9_-]+$/, "must be base64url");
export type ManageKey = z.infer<typeof ManageKey>;
