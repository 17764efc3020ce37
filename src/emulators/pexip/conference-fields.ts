import { z } from "zod";
import { bool, choice, integer, resourceUri, text } from "./tastypie";

/**
 * The writable fields of Infinity's `conference` resource with the schema's validators
 * (names from Pexip's go-infinity-sdk `config/conference_model.go`, limits and choices from
 * the terraform provider's schema help text; see docs/emulators.md).
 */
const pin = z.string().regex(/^(?:|(?=.{4,20}$)\d+#?)$/, {
  error: "PIN must be 4–20 digits, including any terminal #.",
});
const layout = choice([
  "one_main_zero_pips",
  "one_main_seven_pips",
  "one_main_twentyone_pips",
  "two_mains_twentyone_pips",
  "four_mains_zero_pips",
  "nine_mains_zero_pips",
  "sixteen_mains_zero_pips",
  "twentyfive_mains_zero_pips",
  "five_mains_seven_pips",
]);

export const conferenceFieldsSchema = z.object({
  name: text(250).min(1, { error: "This field is required." }),
  description: text(250),
  tag: text(250),
  service_type: choice([
    "conference",
    "lecture",
    "two_stage_dialing",
    "test_call",
    "media_playback",
  ]),
  pin,
  guest_pin: pin,
  allow_guests: bool,
  participant_limit: integer(0, 1_000_000).nullable(),
  crypto_mode: choice(["besteffort", "on", "off", ""]).nullable(),
  enable_chat: choice(["default", "yes", "no"]),
  guests_can_present: bool,
  host_view: layout,
  guest_view: layout.nullable(),
  guests_can_see_guests: choice(["no_hosts", "never", "always"]),
  host_identity_provider_group: resourceUri("identity_provider_group").nullable(),
  guest_identity_provider_group: resourceUri("identity_provider_group").nullable(),
  non_idp_participants: choice(["disallow_all", "allow_if_trusted"]),
  call_type: choice(["audio", "video", "video-only"]),
  max_callrate_in: integer(128, 8192).nullable(),
  max_callrate_out: integer(128, 8192).nullable(),
  max_pixels_per_second: choice(["sd", "hd", "fullhd"]).nullable(),
  direct_media: choice(["never", "best_effort", "always"]),
  direct_media_notification_duration: integer(0, 30),
  live_captions_enabled: choice(["default", "yes", "no"]),
  enable_overlay_text: bool,
  enable_active_speaker_indication: bool,
  mute_all_guests: bool,
  force_presenter_into_main: bool,
  breakout_rooms: bool,
  denoise_enabled: bool,
  softmute_enabled: bool,
  ivr_theme: resourceUri("ivr_theme").nullable(),
  system_location: resourceUri("system_location").nullable(),
  media_playlist: resourceUri("media_playlist").nullable(),
  teams_proxy: resourceUri("teams_proxy").nullable(),
  mssip_proxy: resourceUri("mssip_proxy").nullable(),
  gms_access_token: resourceUri("gms_access_token").nullable(),
  pinning_config: resourceUri("pinning_config").nullable(),
  automatic_participants: z.array(resourceUri("automatic_participant")),
  primary_owner_email_address: text(100),
  match_string: text(250),
  replace_string: text(250),
  post_match_string: text(250),
  post_replace_string: text(250),
  two_stage_dial_type: text(250),
  on_completion: text(250).nullable(),
});

export type ConferenceFields = z.infer<typeof conferenceFieldsSchema>;

/**
 * An alias in a conference body: inline (Infinity creates the alias object) or the URI of an
 * existing `conference_alias`, as Pexip's Go SDK and Terraform provider send them.
 */
export const inlineAliasSchema = z.union(
  [
    z.object({
      alias: text(250).min(1, { error: "This field is required." }),
      description: text(250).optional(),
    }),
    resourceUri("conference_alias"),
  ],
  { error: "aliases must be a list of {alias} objects or conference_alias URIs." },
);

/**
 * A POST/PATCH/PUT body. Tastypie ignores fields it does not know (including read-only ones
 * such as id and resource_uri), so unknown keys are stripped, not rejected.
 */
export const conferenceBodySchema = conferenceFieldsSchema.partial().extend({
  aliases: z
    .array(inlineAliasSchema, {
      error: "aliases must be a list of {alias} objects or conference_alias URIs.",
    })
    .optional(),
});

export type ConferenceBody = z.infer<typeof conferenceBodySchema>;

/** What Infinity fills in for a field the client did not send. */
export const conferenceDefaults: Omit<ConferenceFields, "name"> = {
  description: "",
  tag: "",
  service_type: "conference",
  pin: "",
  guest_pin: "",
  allow_guests: false,
  participant_limit: null,
  // Infinity's "use the global setting" is an empty string (the Terraform provider's default).
  crypto_mode: "",
  enable_chat: "default",
  guests_can_present: true,
  host_view: "one_main_seven_pips",
  guest_view: null,
  guests_can_see_guests: "no_hosts",
  host_identity_provider_group: null,
  guest_identity_provider_group: null,
  non_idp_participants: "disallow_all",
  call_type: "video",
  max_callrate_in: null,
  max_callrate_out: null,
  max_pixels_per_second: null,
  direct_media: "never",
  direct_media_notification_duration: 0,
  live_captions_enabled: "default",
  enable_overlay_text: false,
  enable_active_speaker_indication: false,
  mute_all_guests: false,
  force_presenter_into_main: false,
  breakout_rooms: false,
  denoise_enabled: false,
  softmute_enabled: false,
  ivr_theme: null,
  system_location: null,
  media_playlist: null,
  teams_proxy: null,
  mssip_proxy: null,
  gms_access_token: null,
  pinning_config: null,
  automatic_participants: [],
  primary_owner_email_address: "",
  match_string: "",
  replace_string: "",
  post_match_string: "",
  post_replace_string: "",
  two_stage_dial_type: "regular",
  on_completion: null,
};
