// Office.Recipients for requiredAttendees / optionalAttendees in compose.
import { ok } from "../store/errors";
import type { Attendee } from "../store/state";
import type { AttendeeField } from "../store/store";
import { argumentException, asyncArgs } from "./async";
import type { FakeContext } from "./context";
import { emailAddressDetails } from "./fields";

/** Strings, EmailUser and EmailAddressDetails are all accepted, as Outlook does. */
function toAttendees(recipients: unknown, method: string): Attendee[] {
  if (!Array.isArray(recipients)) throw argumentException("recipients", method);
  return recipients.map((entry: unknown) => {
    if (typeof entry === "string" && entry.trim())
      return { displayName: entry.trim(), emailAddress: entry.trim() };
    if (entry && typeof entry === "object") {
      const { emailAddress, displayName } = entry as Record<string, unknown>;
      if (typeof emailAddress === "string" && emailAddress.trim())
        return {
          emailAddress: emailAddress.trim(),
          displayName: typeof displayName === "string" && displayName ? displayName : emailAddress,
        };
    }
    throw argumentException("recipients", method);
  });
}

export function createRecipients(ctx: FakeContext, field: AttendeeField) {
  return {
    getAsync(...rest: unknown[]): void {
      const args = asyncArgs<unknown[]>(rest, `${field}.getAsync`);
      ctx.queue.run(args, () => ok(ctx.store.peek()[field].map((a) => emailAddressDetails(a))));
    },
    setAsync(recipients: unknown, ...rest: unknown[]): void {
      const list = toAttendees(recipients, `${field}.setAsync`);
      const args = asyncArgs<void>(rest, `${field}.setAsync`);
      ctx.queue.run(args, () => ctx.store.setAttendees(field, list, ctx.session));
    },
    addAsync(recipients: unknown, ...rest: unknown[]): void {
      const list = toAttendees(recipients, `${field}.addAsync`);
      const args = asyncArgs<void>(rest, `${field}.addAsync`);
      ctx.queue.run(args, () => ctx.store.addAttendees(field, list, ctx.session));
    },
  };
}
