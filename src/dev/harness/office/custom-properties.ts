// item.loadCustomPropertiesAsync → Office.CustomProperties: a local copy the add-in edits with
// get/set/remove and writes back with saveAsync. Where it is kept (and when classic Outlook
// forgets it) is the store's business.
import { ok } from "../store/errors";
import type { JsonRecord } from "../store/state";
import { argumentException, copyJson, type Callback } from "./async";
import { supports, type FakeContext } from "./context";

export function createCustomProperties(ctx: FakeContext, loaded: JsonRecord) {
  const values: JsonRecord = copyJson(loaded);
  const properties = {
    get(name: unknown): unknown {
      if (typeof name !== "string") throw argumentException("name", "customProperties.get");
      return copyJson(values[name]);
    },
    set(name: unknown, value: unknown): void {
      if (typeof name !== "string" || name === "")
        throw argumentException("name", "customProperties.set");
      // Office stores the properties as JSON: what JSON cannot carry is lost.
      values[name] = value === undefined ? null : copyJson(value as JsonRecord[string]);
    },
    remove(name: unknown): void {
      if (typeof name !== "string") throw argumentException("name", "customProperties.remove");
      delete values[name];
    },
    /** callback first, then an optional asyncContext: this method's own signature. */
    saveAsync(callback?: unknown, asyncContext?: unknown): void {
      if (callback !== undefined && typeof callback !== "function")
        throw argumentException("callback", "customProperties.saveAsync");
      const snapshot = copyJson(values);
      ctx.queue.run(
        { options: {}, asyncContext, callback: callback as Callback<void> | undefined },
        () => {
          ctx.store.saveCustomProperties(ctx.session, snapshot);
          return ok(undefined);
        },
      );
    },
  };
  return supports(ctx, "1.9") ? { ...properties, getAll: () => copyJson(values) } : properties;
}

/** item.loadCustomPropertiesAsync(callback, userContext?): the context comes back as asyncContext. */
export function loadCustomPropertiesAsync(ctx: FakeContext) {
  return (callback: unknown, userContext?: unknown): void => {
    if (typeof callback !== "function")
      throw argumentException("callback", "loadCustomPropertiesAsync");
    ctx.queue.run(
      { options: {}, asyncContext: userContext, callback: callback as Callback<unknown> },
      () => ok(createCustomProperties(ctx, ctx.store.loadCustomProperties(ctx.session))),
    );
  };
}
