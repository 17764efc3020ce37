// Task-pane events: item.addHandlerAsync for AppointmentTimeChanged, RecipientsChanged and
// RecurrenceChanged (Mailbox 1.7), mailbox.addHandlerAsync for OfficeThemeChanged. Each store
// change becomes Office's event arguments, built in the pane's realm, on a later task.
import { ok, fail } from "../store/errors";
import type { StoreChange } from "../store/store";
import { argumentException, asyncArgs } from "./async";
import type { FakeContext } from "./context";
import { EventType } from "./enums";
import { toRecurrence } from "./recurrence";
import { officeTheme } from "./theme";

type Handler = (args: unknown) => void;

export interface EventHub {
  addHandlerAsync(eventType: unknown, handler: unknown, ...rest: unknown[]): void;
  removeHandlerAsync(eventType: unknown, ...rest: unknown[]): void;
}

/** One handler per event type, as Outlook keeps it; a second add replaces the first. */
export function createEventHub(
  ctx: FakeContext,
  supported: readonly string[],
  owner: string,
): EventHub {
  const handlers = new Map<string, Handler>();
  const unsubscribe = ctx.store.subscribe((change) => {
    const args = eventArgs(ctx, change);
    const handler = args && handlers.get(args.type);
    if (args && handler) ctx.queue.later(() => handler(args));
  });
  ctx.onClose(unsubscribe);
  return {
    addHandlerAsync(eventType, handler, ...rest) {
      if (typeof handler !== "function")
        throw argumentException("handler", `${owner}.addHandlerAsync`);
      const args = asyncArgs<void>(rest, `${owner}.addHandlerAsync`);
      ctx.queue.run(args, () => {
        if (typeof eventType !== "string" || !supported.includes(eventType))
          return fail("InvalidEventType");
        handlers.set(eventType, handler as Handler);
        return ok(undefined);
      });
    },
    removeHandlerAsync(eventType, ...rest) {
      const args = asyncArgs<void>(rest, `${owner}.removeHandlerAsync`);
      ctx.queue.run(args, () => {
        if (typeof eventType !== "string" || !supported.includes(eventType))
          return fail("InvalidEventType");
        handlers.delete(eventType);
        return ok(undefined);
      });
    },
  };
}

function eventArgs(ctx: FakeContext, change: StoreChange): { type: string } | undefined {
  const state = () => ctx.store.peek();
  switch (change.kind) {
    case "time":
      return {
        type: EventType.AppointmentTimeChanged,
        start: new Date(state().start),
        end: new Date(state().end),
      } as { type: string };
    case "recipients":
      return {
        type: EventType.RecipientsChanged,
        changedRecipientFields: {
          bcc: false,
          cc: false,
          optionalAttendees: change.fields.optionalAttendees,
          requiredAttendees: change.fields.requiredAttendees,
          resources: false,
          to: false,
        },
      } as { type: string };
    case "recurrence":
      return {
        type: EventType.RecurrenceChanged,
        recurrence: toRecurrence(ctx, state().recurrence),
      } as { type: string };
    case "theme":
      return { type: EventType.OfficeThemeChanged, officeTheme: officeTheme(change.theme) } as {
        type: string;
      };
    default:
      return undefined;
  }
}

export const ITEM_EVENTS = [
  EventType.AppointmentTimeChanged,
  EventType.RecipientsChanged,
  EventType.RecurrenceChanged,
] as const;
export const MAILBOX_EVENTS = [EventType.OfficeThemeChanged] as const;
