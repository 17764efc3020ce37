/**
 * What every promisified Office.js call rejects with. `code` and `name` are Office's own
 * (e.g. 9000-range codes, "DataExceedsMaximumSize", "ItemNotSaved"), so callers can decide by
 * them; `message` is Office's text and is never shown to the user as it stands.
 */
export class OfficeError extends Error {
  readonly code: number;

  constructor(code: number, name: string, message: string) {
    super(message);
    this.code = code;
    // Office's error name, not "Error": it is what the documentation lists per method.
    this.name = name;
  }
}

/** Code used when Office did not even accept the call (missing API, thrown synchronously). */
export const OFFICE_UNAVAILABLE = -1;

export function isOfficeError(value: unknown): value is OfficeError {
  return value instanceof OfficeError;
}
