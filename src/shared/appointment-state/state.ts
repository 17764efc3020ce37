// Reading and writing the appointment's state in its custom properties: the pane (compose and
// read form) and the launch events both go through here, on Office's CustomProperties object,
// which their thin adapters load and save. Reading never throws: a damaged property reads as
// absent, so it can neither stop a send nor hide the rest of the state.
import {
  APPOINTMENT_STATE_VERSION,
  CUSTOM_PROPERTY_BOOKING_ID,
  CUSTOM_PROPERTY_MANAGE_KEY,
  CUSTOM_PROPERTY_MARKED_PRIVATE,
  CUSTOM_PROPERTY_NOT_NAMES,
  CUSTOM_PROPERTY_PENDING_CREATE,
  CUSTOM_PROPERTY_SNAPSHOT,
  CUSTOM_PROPERTY_VERSION,
} from "./names";
import { parseNotNames, withNotName } from "./not-names";
import { BookingSnapshot } from "./schema";

/** Office.CustomProperties as far as it is used here (Office's object fits as it is). */
export interface PropertyBag {
  get(name: string): unknown;
  set(name: string, value: string): void;
  remove(name: string): void;
}

/** The booking the item names: both ids, and the snapshot when a valid one is stored. */
export interface StoredBooking {
  bookingId: string;
  manageKey: string;
  /** Null when absent or unreadable (an item booked before snapshots); checks needing it skip. */
  snapshot: BookingSnapshot | null;
}

/** A JSON property's value: parsed from its string, or as handed back when a client gives an object. */
export function structured(stored: unknown): unknown {
  if (typeof stored !== "string") return stored;
  try {
    return JSON.parse(stored);
  } catch {
    return undefined;
  }
}

function nonEmpty(value: unknown): value is string {
  return typeof value === "string" && value !== "";
}

export function readVersion(bag: PropertyBag): number {
  const version = Number(bag.get(CUSTOM_PROPERTY_VERSION) ?? 0);
  return Number.isInteger(version) && version >= 0 ? version : 0;
}

export function readSnapshot(bag: PropertyBag): BookingSnapshot | null {
  const parsed = BookingSnapshot.safeParse(structured(bag.get(CUSTOM_PROPERTY_SNAPSHOT)));
  return parsed.success ? parsed.data : null;
}

/** Null unless both the booking id and the manage key are there. */
export function readStoredBooking(bag: PropertyBag): StoredBooking | null {
  const bookingId = bag.get(CUSTOM_PROPERTY_BOOKING_ID);
  const manageKey = bag.get(CUSTOM_PROPERTY_MANAGE_KEY);
  if (!nonEmpty(bookingId) || !nonEmpty(manageKey)) return null;
  return { bookingId, manageKey, snapshot: readSnapshot(bag) };
}

export function readNotNames(bag: PropertyBag): string[] {
  return parseNotNames(bag.get(CUSTOM_PROPERTY_NOT_NAMES));
}

const STATE_PROPERTIES = [
  CUSTOM_PROPERTY_BOOKING_ID,
  CUSTOM_PROPERTY_MANAGE_KEY,
  CUSTOM_PROPERTY_SNAPSHOT,
  CUSTOM_PROPERTY_PENDING_CREATE,
  CUSTOM_PROPERTY_NOT_NAMES,
  CUSTOM_PROPERTY_MARKED_PRIVATE,
];

/**
 * Stamps the format on every write: the version says who wrote last. Earlier variants need no
 * rewrite (the readers above take them all); an item left with none of our properties is left
 * with no version either (a removed booking leaves nothing).
 */
export function stampVersion(bag: PropertyBag): void {
  if (STATE_PROPERTIES.some((name) => bag.get(name) != null))
    bag.set(CUSTOM_PROPERTY_VERSION, String(APPOINTMENT_STATE_VERSION));
  else bag.remove(CUSTOM_PROPERTY_VERSION);
}

/**
 * Stores the booking's ids (and drops the pending create in the same save: the item never holds
 * both or neither), or with null forgets the booking, snapshot included.
 */
export function writeBooking(
  bag: PropertyBag,
  ref: { bookingId: string; manageKey: string } | null,
): void {
  if (ref) {
    bag.set(CUSTOM_PROPERTY_BOOKING_ID, ref.bookingId);
    bag.set(CUSTOM_PROPERTY_MANAGE_KEY, ref.manageKey);
    bag.remove(CUSTOM_PROPERTY_PENDING_CREATE);
  } else {
    bag.remove(CUSTOM_PROPERTY_BOOKING_ID);
    bag.remove(CUSTOM_PROPERTY_MANAGE_KEY);
    bag.remove(CUSTOM_PROPERTY_SNAPSHOT);
    // The Private mark belongs to the booking: with it gone the appointment stays as it is now.
    bag.remove(CUSTOM_PROPERTY_MARKED_PRIVATE);
  }
  stampVersion(bag);
}

/** Whether the pane (not the user) made the appointment Private. */
export function readMarkedPrivate(bag: PropertyBag): boolean {
  return bag.get(CUSTOM_PROPERTY_MARKED_PRIVATE) === "1";
}

export function writeMarkedPrivate(bag: PropertyBag, marked: boolean): void {
  if (marked) bag.set(CUSTOM_PROPERTY_MARKED_PRIVATE, "1");
  else bag.remove(CUSTOM_PROPERTY_MARKED_PRIVATE);
  stampVersion(bag);
}

export function writeSnapshot(bag: PropertyBag, snapshot: BookingSnapshot): void {
  bag.set(CUSTOM_PROPERTY_SNAPSHOT, JSON.stringify(snapshot));
  // A snapshot is state: the version goes with it (stampVersion's check, without its bytes in the
  // launch-event bundle, which writes only this).
  bag.set(CUSTOM_PROPERTY_VERSION, String(APPOINTMENT_STATE_VERSION));
}

/** Remembers one more word that is not a name (newest kept when the list is full). */
export function writeNotName(bag: PropertyBag, text: string): void {
  bag.set(CUSTOM_PROPERTY_NOT_NAMES, withNotName(readNotNames(bag), text));
  stampVersion(bag);
}
