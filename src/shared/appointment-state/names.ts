// The add-in's custom properties on the appointment: the one table of their names. Custom
// properties are the add-in's own, stay on the organiser's copy and never reach attendees; Outlook
// keeps every value as a string, so the structured ones are JSON. Free of zod: the launch-event
// bundle reads it.

// Plain constants, not an object: esbuild inlines and drops unused ones, an object stays whole.

/** The booking's UUID (plain string). */
export const CUSTOM_PROPERTY_BOOKING_ID = "bookingId";
/** The booking's manage key (plain string): sent as X-Manage-Key, never shown. */
export const CUSTOM_PROPERTY_MANAGE_KEY = "manageKey";
/** `BookingSnapshot` as JSON: what the send check needs without the network. */
export const CUSTOM_PROPERTY_SNAPSHOT = "booking";
/**
 * `PendingCreate` as JSON: a create the pane has started and not yet written into the appointment
 * (Idempotency-Key, type, window); a pane closed mid-create finishes it when reopened, with the
 * same key, so the service answers with the same room instead of making a second.
 */
export const CUSTOM_PROPERTY_PENDING_CREATE = "pendingCreate";
/** JSON array of the words the user said are not a name ("Det är inte ett namn"). */
export const CUSTOM_PROPERTY_NOT_NAMES = "notNames";
/**
 * "1" when the pane itself marked the appointment Private (the user had not): changing to a type
 * that is not kept private puts it back to Normal only then, never undoing the user's own choice.
 * Added in format 1 without a new version: an older reader ignores it, as the format's rule says.
 */
export const CUSTOM_PROPERTY_MARKED_PRIVATE = "markedPrivate";
/** The format the last writer used, as a decimal string (absent: written before versions). */
export const CUSTOM_PROPERTY_VERSION = "stateVersion";

/**
 * The format this code writes. Rule for the next one: only add properties or fields with defaults
 * (zod objects drop what they do not know), because a launch-event script cached by classic
 * Outlook may be older than the pane that wrote the item; a change an older reader would misread
 * takes a new property name instead.
 *
 * 1: the layout above, every structured value a JSON string. Items written before the version
 *    was stored (read as 0) have the same layout; the snapshot may lack the domain lists (added
 *    later, read as empty) and some clients hand it back as an object.
 */
export const APPOINTMENT_STATE_VERSION = 1;
