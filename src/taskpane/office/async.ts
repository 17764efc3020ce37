import { OFFICE_UNAVAILABLE, OfficeError } from "./office-error";

type Callback<T> = (result: Office.AsyncResult<T>) => void;

function toOfficeError(error: Office.Error | undefined): OfficeError {
  if (!error)
    return new OfficeError(OFFICE_UNAVAILABLE, "UnknownError", "Office reported a failure");
  return new OfficeError(error.code, error.name, error.message);
}

/**
 * Turns one `*Async(…, callback)` call into a Promise. A failed AsyncResult and a synchronous
 * throw (an API the client does not have) both reject with an OfficeError, so no Office failure
 * can escape as an uncaught exception inside a callback.
 */
export function officeCall<T>(invoke: (callback: Callback<T>) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      invoke((result) => {
        if (result.status === Office.AsyncResultStatus.Failed) reject(toOfficeError(result.error));
        else resolve(result.value);
      });
    } catch (error) {
      reject(
        new OfficeError(
          OFFICE_UNAVAILABLE,
          "NotAvailable",
          error instanceof Error ? error.message : String(error),
        ),
      );
    }
  });
}
