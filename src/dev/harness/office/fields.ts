// The appointment's simple compose fields: subject, location, start and end (Time), organizer.
import { ok } from "../store/errors";
import { ORGANIZATION_DOMAIN, type Attendee } from "../store/state";
import { argumentException, asyncArgs, isDate } from "./async";
import type { FakeContext } from "./context";

export function createSubject(ctx: FakeContext) {
  return {
    getAsync(...rest: unknown[]): void {
      const args = asyncArgs<string>(rest, "subject.getAsync");
      ctx.queue.run(args, () => ok(ctx.store.peek().subject));
    },
    setAsync(subject: unknown, ...rest: unknown[]): void {
      if (typeof subject !== "string") throw argumentException("subject", "subject.setAsync");
      const args = asyncArgs<void>(rest, "subject.setAsync");
      ctx.queue.run(args, () => ctx.store.setSubject(subject, ctx.session));
    },
  };
}

const SENSITIVITIES = ["normal", "personal", "private", "confidential"] as const;

/** item.sensitivity (Mailbox 1.14). */
export function createSensitivity(ctx: FakeContext) {
  return {
    getAsync(...rest: unknown[]): void {
      const args = asyncArgs<string>(rest, "sensitivity.getAsync");
      ctx.queue.run(args, () => ok(ctx.store.peek().sensitivity));
    },
    setAsync(value: unknown, ...rest: unknown[]): void {
      const known = SENSITIVITIES.find((s) => s === value);
      if (!known) throw argumentException("sensitivity", "sensitivity.setAsync");
      const args = asyncArgs<void>(rest, "sensitivity.setAsync");
      ctx.queue.run(args, () => ctx.store.setSensitivity(known, ctx.session));
    },
  };
}

export function createLocation(ctx: FakeContext) {
  return {
    getAsync(...rest: unknown[]): void {
      const args = asyncArgs<string>(rest, "location.getAsync");
      ctx.queue.run(args, () => ok(ctx.store.peek().location));
    },
    setAsync(location: unknown, ...rest: unknown[]): void {
      if (typeof location !== "string") throw argumentException("location", "location.setAsync");
      const args = asyncArgs<void>(rest, "location.setAsync");
      ctx.queue.run(args, () => ctx.store.setLocation(location, ctx.session));
    },
  };
}

/** Office.Time: a UTC Date in and out. */
export function createTime(ctx: FakeContext, which: "start" | "end") {
  return {
    getAsync(...rest: unknown[]): void {
      const args = asyncArgs<Date>(rest, `${which}.getAsync`);
      ctx.queue.run(args, () => ok(new Date(ctx.store.peek()[which])));
    },
    setAsync(dateTime: unknown, ...rest: unknown[]): void {
      if (!isDate(dateTime) || Number.isNaN(dateTime.getTime()))
        throw argumentException("dateTime", `${which}.setAsync`);
      const iso = dateTime.toISOString();
      const args = asyncArgs<void>(rest, `${which}.setAsync`);
      ctx.queue.run(args, () => ctx.store.setTimes({ [which]: iso }, ctx.session));
    },
  };
}

export function createOrganizer(ctx: FakeContext) {
  return {
    getAsync(...rest: unknown[]): void {
      const args = asyncArgs<ReturnType<typeof emailAddressDetails>>(rest, "organizer.getAsync");
      ctx.queue.run(args, () => ok(emailAddressDetails(ctx.store.peek().organizer, "organizer")));
    },
  };
}

/** Office.EmailAddressDetails: internal addresses are users, the rest external users. */
export function emailAddressDetails(attendee: Attendee, response = "none") {
  const internal = attendee.emailAddress.toLowerCase().endsWith(`@${ORGANIZATION_DOMAIN}`);
  return {
    displayName: attendee.displayName,
    emailAddress: attendee.emailAddress,
    appointmentResponse: response,
    recipientType: internal ? "user" : "externalUser",
  };
}
