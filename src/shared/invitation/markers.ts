/** Substring of our wrapper's id; Outlook may prefix it (`x_skyddat-vardmote-…`). */
export const BLOCK_ID_PREFIX = "skyddat-vardmote-";

/** First visible line of the block. */
export const START_MARKER = "=== Skyddat vårdmöte ===";

/** Last visible line of the block: it carries the booking id, so the text alone identifies it. */
export function endMarker(bookingId: string): string {
  return `=== Skyddat vårdmöte · ${bookingId} ===`;
}

/** Booking ids are UUIDs; anything else would not survive as an id attribute and a marker. */
export const BOOKING_ID_PATTERN = /^[A-Za-z0-9-]{1,64}$/;

export type Marker = { kind: "start" } | { kind: "end"; bookingId: string | null };

// Only ASCII letters and digits count, so "vårdmöte", "v&aring;rdm&ouml;te" (decoded),
// and even a mis-decoded "vÃ¥rdmÃ¶te" all fold to the same key.
function fold(text: string): string {
  let out = "";
  const lower = text.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) out += lower[i];
  }
  return out;
}

const PRODUCT_KEY = fold(START_MARKER);

/** Recognises a (normalised) line as one of our marker lines. */
export function parseMarker(line: string): Marker | null {
  if (line.length > 200 || !line.startsWith("===") || !line.endsWith("===")) return null;
  let a = 0;
  let b = line.length;
  while (a < b && (line[a] === "=" || line[a] === " ")) a++;
  while (b > a && (line[b - 1] === "=" || line[b - 1] === " ")) b--;
  const inner = line.slice(a, b);
  const key = fold(inner);
  if (key === PRODUCT_KEY) return { kind: "start" };
  if (!key.startsWith(PRODUCT_KEY)) return null;
  const words = inner.split(" ");
  const candidate = words[words.length - 1] ?? "";
  const bookingId =
    BOOKING_ID_PATTERN.test(candidate) && fold(candidate) === key.slice(PRODUCT_KEY.length)
      ? candidate
      : null;
  return { kind: "end", bookingId };
}

/** The booking id in one of our wrapper ids (`x_skyddat-vardmote-<id>`), or null. */
export function bookingIdFromElementId(id: string): string | null {
  const at = id.toLowerCase().indexOf(BLOCK_ID_PREFIX);
  if (at === -1) return null;
  const candidate = id.slice(at + BLOCK_ID_PREFIX.length);
  return BOOKING_ID_PATTERN.test(candidate) ? candidate : null;
}
