// Written with zod/mini, not classic zod: the launch-event bundle parses it and must stay within
// 40 KB gzip; classic zod does not tree-shake and alone would take more than that.
import * as z from "zod/mini";
import { isJoinUrl, MEETING_TYPE_IDS } from "../contract/names";

const UtcInstant = z.iso.datetime();

/**
 * What the pane keeps in the custom property `CUSTOM_PROPERTY_SNAPSHOT` (beside `bookingId` and
 * `manageKey`) so the launch-event handlers can judge a send with no network call: which type,
 * which join link, the window the booking was last brought up to date with, and a fingerprint of
 * the block as written. Custom properties are the add-in's own and never sent to attendees.
 */
export const BookingSnapshot = z.object({
  type: z.enum(MEETING_TYPE_IDS),
  joinUrl: z.string().check(z.maxLength(2048), z.refine(isJoinUrl, "must be an https URL")),
  start: UtcInstant,
  end: UtcInstant,
  seriesEnd: z.nullable(UtcInstant),
  /** The type's participant limit when the booking was made; null = none. */
  participantLimit: z.nullable(z.number().check(z.int(), z.positive())),
  /** `invitationDigest(invitation.text)` of the block the pane wrote. */
  blockDigest: z.string().check(z.regex(/^[0-9a-f]{8}$/)),
  /** The organisation's e-mail domains (client config), so the send check knows who is "outside". */
  organisationDomains: z._default(
    z.array(z.string().check(z.minLength(1), z.maxLength(253))).check(z.maxLength(20)),
    [],
  ),
  /** Consumer mail domains (client config): the send check's private-address warning. */
  consumerDomains: z._default(
    z.array(z.string().check(z.minLength(1), z.maxLength(253))).check(z.maxLength(30)),
    [],
  ),
});
export type BookingSnapshot = z.infer<typeof BookingSnapshot>;
