import { z } from "zod";
import { BookingId } from "../../shared";

/**
 * What the providers receive as `bookingId`: the key of ONE provider meeting of a booking.
 * Pexip names the VMR after it and Teams uses it as `externalId`, and both treat a repeat with the
 * same key as "the same meeting" (crash safety). Change-type creates the new meeting while the
 * old one still exists, so the new one needs a key of its own: revision 0 is the booking id
 * itself, revision n (n ≥ 1) is `<bookingId>.r<n>`.
 */
export function meetingKey(bookingId: string, revision = 0): string {
  return revision === 0 ? bookingId : `${bookingId}.r${revision}`;
}

const KEY = /^(?<id>[0-9a-fA-F-]{36})(?:\.r(?<revision>[1-9]\d{0,5}))?$/;

/** The booking id and revision inside a key, or null for anything we did not make. */
export function parseMeetingKey(key: string): { bookingId: string; revision: number } | null {
  const match = KEY.exec(key);
  if (!match?.groups?.id || !BookingId.safeParse(match.groups.id).success) return null;
  return { bookingId: match.groups.id, revision: Number(match.groups.revision ?? 0) };
}

/** Keys are checked before they reach a remote name or a URL. */
export const MeetingKey = z.string().refine((key) => parseMeetingKey(key) !== null, {
  error: "must be a booking id (uuid), optionally followed by .r<revision>",
});
