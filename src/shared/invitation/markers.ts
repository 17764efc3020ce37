/** Substring of our wrapper's id; Outlook may prefix it (`x_skyddat-vardmote-…`). */
export const BLOCK_ID_PREFIX = "skyddat-vardmote-";

/**
 * First line of the block as written before 2026-12: still read (blocks already in calendars),
 * no longer written.
 */
export const START_MARKER = "=== Skyddat vårdmöte ===";

/** Last line of the old block; still read, no longer written. */
export function endMarker(bookingId: string): string {
  return `=== Skyddat vårdmöte · ${bookingId} ===`;
}

/**
 * First line of the block: a plain rule, as Teams opens its own block. Text survives every
 * rewrite (an <hr> or a border does not in Outlook on Windows), and a rule reads as layout.
 */
export const START_RULE = "_".repeat(64);

/** A rule line starts a block only this many lines above its footer (see `locateBlocks`). */
export const MAX_RULE_SPAN = 24;

const FOOTER_LABEL: Record<"sv" | "en", string> = {
  sv: "Skyddat vårdmöte",
  en: "Protected care meeting",
};

/**
 * Last line of the block, set small and grey: the product's name in the block's language and
 * the booking id, so the text alone still identifies the booking when Outlook drops the
 * wrapper's id.
 */
export function footerMarker(bookingId: string, locale: "sv" | "en"): string {
  return `${FOOTER_LABEL[locale]} · ref. ${bookingId}`;
}

/** Booking ids are UUIDs; anything else would not survive as an id attribute and a marker. */
export const BOOKING_ID_PATTERN = /^[A-Za-z0-9-]{1,64}$/;

export type Marker = { kind: "start"; rule: boolean } | { kind: "end"; bookingId: string | null };

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
const FOOTER_KEYS = Object.values(FOOTER_LABEL).map((label) => `${fold(label)}ref`);

// Tolerant of a rule an editor shortened or lengthened a little, not of any underscores.
function isRule(line: string): boolean {
  if (line.length < 40 || line.length > 100) return false;
  for (let i = 0; i < line.length; i++) if (line[i] !== "_") return false;
  return true;
}

/** `Skyddat vårdmöte · ref. <id>` (either language) with its id, or null. */
function parseFooter(line: string): Marker | null {
  const words = line.split(" ");
  const candidate = words[words.length - 1] ?? "";
  if (!BOOKING_ID_PATTERN.test(candidate)) return null;
  const key = fold(line.slice(0, line.length - candidate.length));
  return FOOTER_KEYS.includes(key) ? { kind: "end", bookingId: candidate } : null;
}

/** Recognises a (normalised) line as one of our marker lines, the old `=== … ===` ones too. */
export function parseMarker(line: string): Marker | null {
  if (line.length > 200) return null;
  if (isRule(line)) return { kind: "start", rule: true };
  if (!line.startsWith("===") || !line.endsWith("===")) return parseFooter(line);
  let a = 0;
  let b = line.length;
  while (a < b && (line[a] === "=" || line[a] === " ")) a++;
  while (b > a && (line[b - 1] === "=" || line[b - 1] === " ")) b--;
  const inner = line.slice(a, b);
  const key = fold(inner);
  if (key === PRODUCT_KEY) return { kind: "start", rule: false };
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
