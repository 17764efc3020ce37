// The parts of Infinity's answers we read. Field names from Pexip's own go-infinity-sdk and
// Terraform provider; unknown fields are ignored, as new Infinity versions add some.
import { z } from "zod";

export const CONFERENCE_PATH = "/api/admin/configuration/v1/conference/";

/**
 * A VMR (`conference` resource).
 * @link https://docs.pexip.com/api_manage/api_configuration.htm
 * @link https://github.com/pexip/go-infinity-sdk/blob/main/config/conference_model.go
 */
export const PexipConference = z.object({
  id: z.number().int().nonnegative(),
  name: z.string(),
  tag: z.string(),
  pin: z.string(),
  guest_pin: z.string(),
  aliases: z.array(z.object({ alias: z.string() })),
  host_identity_provider_group: z.string().nullish(),
  /** UTC without a zone designator ("2026-12-05T12:00:00.123456"); reconcile reads a room's age. */
  creation_time: z.string().optional(),
});
export type PexipConference = z.infer<typeof PexipConference>;

/**
 * A VMR read back in full, to compare every field we sent with what Infinity stored (the smoke
 * test). Unknown fields pass through: the comparison looks only at the ones we sent.
 */
export const PexipConferenceReadback = z.looseObject({
  id: z.number().int().nonnegative(),
  aliases: z.array(z.object({ alias: z.string() })),
});
export type PexipConferenceReadback = z.infer<typeof PexipConferenceReadback>;

/**
 * Tastypie list wrapper; page with `limit`/`offset` until `meta.next` is null.
 * @link https://github.com/pexip/go-infinity-sdk/blob/main/config/conference.go
 */
export const PexipConferenceList = z.object({
  meta: z.object({
    limit: z.number().int(),
    offset: z.number().int(),
    next: z.string().nullable(),
    total_count: z.number().int(),
  }),
  objects: z.array(PexipConference),
});
export type PexipConferenceList = z.infer<typeof PexipConferenceList>;

/**
 * Tastypie's validation error for a POST/PATCH: `{"conference": {"<field>": ["message"]}}`
 * (e.g. `name` when the name exists, `aliases` when an alias is taken).
 * @link https://github.com/department-of-veterans-affairs/caseflow/blob/master/docs/tech-specs/2019-10-10-integrating-caseflow-with-pexip.md
 */
export const PexipValidationError = z.object({
  conference: z.record(z.string(), z.unknown()),
});

/**
 * What we send to create a VMR: the single source of the body's type.
 * @link https://docs.pexip.com/api_manage/api_configuration.htm
 */
export const PexipConferenceCreate = z.object({
  name: z.string().min(1).max(250),
  description: z.string().max(250),
  tag: z.string().max(250),
  service_type: z.literal("conference"),
  aliases: z.array(z.object({ alias: z.string().min(1).max(250) })).min(1),
  allow_guests: z.literal(true),
  /** Host PIN; "" when hosts sign in through an identity provider group. */
  pin: z.string().regex(/^(|\d{4,20})$/),
  /** "" = guests need no PIN (they wait for a host). */
  guest_pin: z.string().regex(/^(|\d{4,20})$/),
  participant_limit: z.number().int().min(1).nullable(),
  crypto_mode: z.enum(["on", "besteffort", "off"]),
  enable_chat: z.enum(["default", "yes", "no"]),
  guests_can_present: z.boolean(),
  host_view: z.string(),
  guest_view: z.string(),
  host_identity_provider_group: z.string().nullable(),
});
export type PexipConferenceCreate = z.infer<typeof PexipConferenceCreate>;

/**
 * OAuth2 token answer (RFC 6749 §5.1); Infinity's default lifetime is 3600 s.
 * @link https://docs.pexip.com/admin/managing_API_oauth.htm
 */
export const PexipTokenResponse = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().positive().default(3600),
});
