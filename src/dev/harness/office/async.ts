// Office.js's calling conventions: `fooAsync(…, options?, callback?)`, an AsyncResult handed to
// the callback on a later task (never synchronously), failures as {name, message, code}, and
// synchronous exceptions only for malformed arguments (as Office.js's parameter checks throw).
import { OFFICE_ERRORS, type OfficeErrorName, type StoreResult } from "../store/errors";

export interface FakeError {
  name: string;
  message: string;
  code: number;
}

export interface FakeAsyncResult<T> {
  status: "succeeded" | "failed";
  value: T | undefined;
  error: FakeError | undefined;
  asyncContext: unknown;
  diagnostics: unknown;
}

export type Callback<T> = (result: FakeAsyncResult<T>) => void;

export interface AsyncArgs<T> {
  asyncContext: unknown;
  options: Record<string, unknown>;
  callback: Callback<T> | undefined;
}

/** Splits the trailing `(options?, callback?)` of an Office call, checking their types. */
export function asyncArgs<T>(rest: unknown[], method: string): AsyncArgs<T> {
  let [first, second] = rest;
  if (typeof first === "function") [first, second] = [undefined, first];
  if (first !== undefined && first !== null && typeof first !== "object")
    throw argumentException("options", method);
  if (second !== undefined && second !== null && typeof second !== "function")
    throw argumentException("callback", method);
  const options = (first ?? {}) as Record<string, unknown>;
  return {
    options,
    asyncContext: options.asyncContext,
    callback: (second ?? undefined) as Callback<T> | undefined,
  };
}

/** What Office.js throws for a wrong argument: synchronously, before anything is queued. */
export function argumentException(parameter: string, method: string): Error {
  const error = new Error(
    `Sys.ArgumentException: Value does not fall within the expected range.\nParameter name: ${parameter} (${method})`,
  );
  error.name = "Sys.ArgumentException";
  return error;
}

export function argumentOutOfRange(parameter: string, method: string): Error {
  const error = new Error(
    `Sys.ArgumentOutOfRangeException: Specified argument was out of the range of valid values.\nParameter name: ${parameter} (${method})`,
  );
  error.name = "Sys.ArgumentOutOfRangeException";
  return error;
}

export function officeError(name: OfficeErrorName): FakeError {
  const { code, message } = OFFICE_ERRORS[name];
  return { name, message, code };
}

export function succeeded<T>(value: T, asyncContext: unknown): FakeAsyncResult<T> {
  return { status: "succeeded", value, error: undefined, asyncContext, diagnostics: undefined };
}

export function failed<T>(name: OfficeErrorName, asyncContext: unknown): FakeAsyncResult<T> {
  return {
    status: "failed",
    value: undefined,
    error: officeError(name),
    asyncContext,
    diagnostics: undefined,
  };
}

/** Runs queued operations in order, each on its own later task, then calls back. */
export class OperationQueue {
  constructor(private readonly latencyMs: number) {}

  /** `operation` runs on a later task (its effect is never visible synchronously). */
  run<T>(args: AsyncArgs<T>, operation: () => StoreResult<T>): void {
    setTimeout(() => {
      const outcome = operation();
      const result = outcome.ok
        ? succeeded(outcome.value, args.asyncContext)
        : failed<T>(outcome.error, args.asyncContext);
      args.callback?.(result);
    }, this.latencyMs);
  }

  /** A callback that is not an AsyncResult (event handlers, onReady). */
  later(task: () => void): void {
    setTimeout(task, this.latencyMs);
  }
}

/** JSON values copied into the calling realm (the store lives in the parent page's realm). */
export function copyJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]";
}
