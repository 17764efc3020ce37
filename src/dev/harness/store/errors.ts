// The failures Outlook reports in AsyncResult.error. `name` is the documented contract (each API
// page lists the names it can fail with); the numbers are Outlook's 9000 range as its Office.js
// hands them out, but the documentation does not list them, so add-ins should branch on `name`.
export const OFFICE_ERRORS = {
  InvalidEndTime: {
    code: 9010,
    message: "The end time cannot occur before the start time.",
  },
  NumberOfRecipientsExceeded: {
    code: 9012,
    message: "The total number of recipients in the field can't exceed 100.",
  },
  DuplicateNotificationKey: {
    code: 9023,
    message: "A notification with the provided key already exists.",
  },
  NotificationKeyNotFound: {
    code: 9024,
    message: "There are no notifications with the provided key.",
  },
  NumberOfNotificationMessagesExceeded: {
    code: 9025,
    message: "The notification couldn't be added because the notification limit has been reached.",
  },
  InvalidParameterValueError: {
    code: 9031,
    message: "The value of a parameter is invalid.",
  },
  DataExceedsMaximumSize: {
    code: 9040,
    message: "The data exceeds the maximum size allowed.",
  },
  InvalidFormatError: {
    code: 9041,
    message: "The format of the specified data object is invalid.",
  },
  ItemNotSaved: {
    code: 9043,
    message: "The id can't be retrieved until the item is saved.",
  },
  DialogAlreadyOpen: {
    code: 12007,
    message: "A dialog box is already opened from this host window.",
  },
  DialogBlocked: {
    code: 12009,
    message: "The user chose to ignore the dialog box.",
  },
  InvalidEventType: {
    code: 5004,
    message: "The event type is not supported here.",
  },
} as const;

export type OfficeErrorName = keyof typeof OFFICE_ERRORS;

export type StoreResult<T> = { ok: true; value: T } | { ok: false; error: OfficeErrorName };

export function ok<T>(value: T): StoreResult<T> {
  return { ok: true, value };
}

export function fail<T>(error: OfficeErrorName): StoreResult<T> {
  return { ok: false, error };
}
