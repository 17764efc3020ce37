// The create the pane has started and not yet written into the appointment. Apart from the rest of
// the state because only the pane reads it: a zod schema is built when its module loads, so the
// launch-event bundle (40 KB budget) would carry this one for nothing.
import * as z from "zod/mini";
import { MEETING_TYPE_IDS } from "../contract/names";
import { CUSTOM_PROPERTY_PENDING_CREATE } from "./names";
import { type PropertyBag, stampVersion, structured } from "./state";

const UtcInstant = z.iso.datetime();

/** `CUSTOM_PROPERTY_PENDING_CREATE`: exactly what is needed to repeat the create request. */
export const PendingCreate = z.object({
  key: z.string().check(z.regex(/^[0-9a-f-]{36}$/i)),
  type: z.enum(MEETING_TYPE_IDS),
  window: z.object({ start: UtcInstant, end: UtcInstant, seriesEnd: z.nullable(UtcInstant) }),
  /** When the attempt started: a very old one is dropped (the service forgets keys after a day). */
  at: UtcInstant,
});
export type PendingCreate = z.infer<typeof PendingCreate>;

export function readPendingCreate(bag: PropertyBag): PendingCreate | null {
  const parsed = PendingCreate.safeParse(structured(bag.get(CUSTOM_PROPERTY_PENDING_CREATE)));
  return parsed.success ? parsed.data : null;
}

/** Records the attempt before the service is called, or with null forgets it. */
export function writePendingCreate(bag: PropertyBag, pending: PendingCreate | null): void {
  if (pending) bag.set(CUSTOM_PROPERTY_PENDING_CREATE, JSON.stringify(pending));
  else bag.remove(CUSTOM_PROPERTY_PENDING_CREATE);
  stampVersion(bag);
}
