// Office.context.mailbox.item: AppointmentCompose for the organizer, AppointmentRead for an
// attendee. Members appear only when the client supports their Mailbox requirement set, as in
// Outlook, where an API beyond the client's set is simply undefined.
import { fail, ok } from "../store/errors";
import { asyncArgs } from "./async";
import { createComposeBody, createReadBody } from "./body";
import { supports, type FakeContext } from "./context";
import { loadCustomPropertiesAsync } from "./custom-properties";
import { createEventHub, ITEM_EVENTS } from "./events";
import {
  createLocation,
  createOrganizer,
  createSensitivity,
  createSubject,
  createTime,
  emailAddressDetails,
} from "./fields";
import { createNotificationMessages } from "./notifications";
import { createRecipients } from "./recipients";
import { createRecurrence, toRecurrence } from "./recurrence";

export function createAppointmentCompose(ctx: FakeContext) {
  const item: Record<string, unknown> = {
    itemType: "appointment",
    subject: createSubject(ctx),
    location: createLocation(ctx),
    start: createTime(ctx, "start"),
    end: createTime(ctx, "end"),
    requiredAttendees: createRecipients(ctx, "requiredAttendees"),
    optionalAttendees: createRecipients(ctx, "optionalAttendees"),
    body: createComposeBody(ctx),
    loadCustomPropertiesAsync: loadCustomPropertiesAsync(ctx),
  };
  if (supports(ctx, "1.3")) {
    item.notificationMessages = createNotificationMessages(ctx);
    /** Saves the appointment to the calendar without sending it; the value is its id. */
    item.saveAsync = (...rest: unknown[]): void => {
      const args = asyncArgs<string>(rest, "item.saveAsync");
      ctx.queue.run(args, () => ok(ctx.store.saveItem(ctx.session)));
    };
  }
  if (supports(ctx, "1.7")) {
    item.organizer = createOrganizer(ctx);
    item.recurrence = createRecurrence(ctx);
    item.seriesId = null; // a single appointment or a series master
    Object.assign(item, createEventHub(ctx, ITEM_EVENTS, "item"));
  }
  if (supports(ctx, "1.14")) item.sensitivity = createSensitivity(ctx);
  if (supports(ctx, "1.8")) {
    item.getItemIdAsync = (...rest: unknown[]): void => {
      const args = asyncArgs<string>(rest, "item.getItemIdAsync");
      ctx.queue.run(args, () => {
        const id = ctx.store.peek().itemId;
        return id ? ok(id) : fail("ItemNotSaved");
      });
    };
  }
  return item;
}

/** The attendee's read form: plain values instead of getters, and nothing to set. */
export function createAppointmentRead(ctx: FakeContext) {
  const state = ctx.store.peek();
  const item: Record<string, unknown> = {
    itemType: "appointment",
    itemId: state.itemId ?? "AAMkADharness-attendee-copy",
    subject: state.subject,
    normalizedSubject: state.subject,
    location: state.location,
    start: new Date(state.start),
    end: new Date(state.end),
    dateTimeCreated: new Date(state.start),
    dateTimeModified: new Date(state.start),
    organizer: emailAddressDetails(state.organizer, "organizer"),
    requiredAttendees: state.requiredAttendees.map((a) => emailAddressDetails(a)),
    optionalAttendees: state.optionalAttendees.map((a) => emailAddressDetails(a)),
    body: createReadBody(ctx),
    loadCustomPropertiesAsync: loadCustomPropertiesAsync(ctx),
  };
  if (supports(ctx, "1.3")) item.notificationMessages = createNotificationMessages(ctx);
  if (supports(ctx, "1.7")) {
    item.recurrence = toRecurrence(ctx, state.recurrence, false);
    item.seriesId = null;
  }
  return item;
}
