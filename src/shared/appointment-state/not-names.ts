// "Det är inte ett namn": words the user said are not a name, remembered per appointment in its
// custom properties (never sent to the service or to attendees), so neither the pane nor the send
// check warns about them again. Free of zod: the launch-event bundle reads it too.

/** At most this many dismissals per appointment, each at most this long. */
export const NOT_NAMES_MAX = 50;
const NOT_NAME_MAX_LENGTH = 200;

/** Case and runs of white space do not matter: "Karin  HOLM" was dismissed as "Karin Holm". */
export function notNameKey(text: string): string {
  return text.replace(/\s+/g, " ").trim().toLowerCase();
}

/** The stored list, or [] when absent or malformed (a damaged property must not stop a send). */
export function parseNotNames(stored: unknown): string[] {
  if (typeof stored !== "string") return [];
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value
    .filter((entry): entry is string => typeof entry === "string")
    .map(notNameKey)
    .filter((key) => key !== "" && key.length <= NOT_NAME_MAX_LENGTH)
    .slice(0, NOT_NAMES_MAX);
}

/** The list with `text` added (newest kept when full), as the property's JSON. */
export function withNotName(list: readonly string[], text: string): string {
  const key = notNameKey(text).slice(0, NOT_NAME_MAX_LENGTH);
  const next = [...list.filter((entry) => entry !== key), key].slice(-NOT_NAMES_MAX);
  return JSON.stringify(next);
}

export function isNotName(match: string, list: readonly string[]): boolean {
  return list.length > 0 && list.includes(notNameKey(match));
}
