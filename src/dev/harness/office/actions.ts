// Office.actions.associate. In the launch-event runtime (the commands page) the associations are
// what Outlook calls on send, time and attendee changes: this runtime builds each event object in
// its own realm, calls the function and reports what it passed to event.completed.
import type { JsonRecord } from "../store/state";
import { argumentException, copyJson } from "./async";
import type { FakeContext } from "./context";

type Action = (event: unknown) => unknown;

const DATE_FIELDS = ["start", "end"];

export function createActions(ctx: FakeContext, runsLaunchEvents: boolean) {
  const actions = new Map<string, Action>();
  if (runsLaunchEvents) {
    ctx.store.registerRuntime(ctx.session, {
      invoke: (name, init) =>
        new Promise<JsonRecord | undefined>((resolve, reject) => {
          const action = actions.get(name);
          if (!action) return resolve(undefined);
          let completed = false;
          const event: Record<string, unknown> = { ...copyJson(init) };
          for (const field of DATE_FIELDS)
            if (typeof event[field] === "string") event[field] = new Date(event[field] as string);
          event.source = { id: name };
          event.completed = (options?: unknown): void => {
            if (completed) return;
            completed = true;
            resolve(options === undefined ? undefined : (copyJson(options) as JsonRecord));
          };
          try {
            const returned = action(event);
            if (returned && typeof (returned as Promise<unknown>).then === "function")
              (returned as Promise<unknown>).then(undefined, reject);
          } catch (error) {
            reject(error);
          }
        }),
    });
  }
  return {
    associate(name: unknown, action: unknown): void {
      if (typeof name !== "string" || name === "")
        throw argumentException("actionId", "actions.associate");
      if (typeof action !== "function")
        throw argumentException("actionFunction", "actions.associate");
      actions.set(name, action as Action);
      if (runsLaunchEvents) ctx.store.associate(ctx.session, name);
    },
  };
}
