import {
  BookingSnapshot,
  CUSTOM_PROPERTY_BOOKING_ID,
  CUSTOM_PROPERTY_MANAGE_KEY,
  CUSTOM_PROPERTY_SNAPSHOT,
} from "../../shared/contract";
import type { BookingRef } from "./ports";

/**
 * The booking the item's custom properties name, read the same way in the compose and the read
 * form (custom properties load in both; they stay on the organizer's copy and never reach
 * attendees). Null when either part is missing.
 */
export function bookingRefOf(props: Office.CustomProperties): BookingRef | null {
  const bookingId: unknown = props.get(CUSTOM_PROPERTY_BOOKING_ID);
  const manageKey: unknown = props.get(CUSTOM_PROPERTY_MANAGE_KEY);
  if (typeof bookingId !== "string" || typeof manageKey !== "string") return null;
  if (bookingId === "" || manageKey === "") return null;
  const stored: unknown = props.get(CUSTOM_PROPERTY_SNAPSHOT);
  let snapshot: BookingSnapshot | null = null;
  try {
    const parsed = BookingSnapshot.safeParse(
      typeof stored === "string" ? JSON.parse(stored) : stored,
    );
    if (parsed.success) snapshot = parsed.data;
  } catch {
    // Not JSON: as good as none; the pane writes a fresh one.
  }
  return { bookingId, manageKey, snapshot };
}
