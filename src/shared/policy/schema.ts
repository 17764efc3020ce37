import { z } from "zod";
import { LocalizedText, Locale, MeetingTypeId } from "../contract";
import { parseTemplate, templateUsesVariable } from "./template";

// Every template string is checked when the policy is loaded, so a typo in the region's file
// fails at startup and never at booking time.
const TemplateString = z.string().superRefine((value, ctx) => {
  const parsed = parseTemplate(value);
  if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.error });
});

/**
 * One language's invitation. Each line is a paragraph of the block; a line whose variable has
 * no value for this booking (say, no passcode) is left out; "" is an empty spacer line.
 */
export const InvitationTemplate = z
  .object({
    heading: TemplateString.pipe(z.string().min(1)),
    lines: z.array(TemplateString).min(1),
    /** Outlook's Location field (≤ 255 characters; the join URL is dropped if it does not fit). */
    location: TemplateString.pipe(z.string().min(1)),
  })
  .superRefine((value, ctx) => {
    // A block without the join link would send guests nowhere.
    if (!value.lines.some((line) => templateUsesVariable(line, "url"))) {
      ctx.addIssue({ code: "custom", path: ["lines"], message: "one line must contain {{url}}" });
    }
  });
export type InvitationTemplate = z.infer<typeof InvitationTemplate>;

export const LocalizedInvitation = z.object({ sv: InvitationTemplate, en: InvitationTemplate });
export type LocalizedInvitation = z.infer<typeof LocalizedInvitation>;

/** Pexip layouts (`host_view` / `guest_view` of the management API). */
export const PexipLayout = z.enum([
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
export type PexipLayout = z.infer<typeof PexipLayout>;

/** Pexip VMR settings; defaults are the protective choice. */
export const PexipSettings = z.object({
  cryptoMode: z.enum(["on", "besteffort", "off"]).default("on"),
  guestPin: z.boolean().default(false),
  hostView: PexipLayout.default("one_main_seven_pips"),
  guestView: PexipLayout.default("one_main_seven_pips"),
  enableChat: z.enum(["default", "yes", "no"]).default("default"),
  guestsCanPresent: z.boolean().default(false),
  /** Pexip identity provider group URI: hosts sign in with SSO instead of a PIN. */
  hostIdentityProviderGroup: z.string().min(1).max(250).optional(),
  /**
   * What the pane's Väntrum shows of a waiting guest: "initials" (with the counts; the
   * default, for care meetings) or the display name the guest typed ("names").
   */
  waitingRoomNames: z.enum(["initials", "names"]).default("initials"),
});
export type PexipSettings = z.infer<typeof PexipSettings>;

/** Options that need Teams Premium; applied only when the policy says `teamsPremium: true`. */
export const TeamsPremiumSettings = z.object({
  watermarkProtection: z.boolean().default(false),
  endToEndEncryption: z.boolean().default(false),
  anonymizeAttendees: z.boolean().default(false),
  sensitivityLabelId: z.string().min(1).optional(),
  meetingTemplateId: z.string().min(1).optional(),
});
export type TeamsPremiumSettings = z.infer<typeof TeamsPremiumSettings>;

/** Teams meeting options (Graph `onlineMeeting`); defaults are the protective choice. */
export const TeamsSettings = z.object({
  lobbyScope: z
    .enum(["organizer", "organization", "organizationExcludingGuests", "invited", "everyone"])
    .default("organizer"),
  dialInBypassesLobby: z.boolean().default(false),
  allowedPresenters: z
    .enum(["organizer", "roleIsPresenter", "organization", "everyone"])
    .default("organizer"),
  allowMeetingChat: z.enum(["enabled", "disabled", "limited"]).default("disabled"),
  allowRecording: z.boolean().default(false),
  allowTranscription: z.boolean().default(false),
  allowAttendeeToEnableMic: z.boolean().default(false),
  allowAttendeeToEnableCamera: z.boolean().default(false),
  isEntryExitAnnounced: z.boolean().default(false),
  passcodeRequired: z.boolean().default(true),
  premium: TeamsPremiumSettings.prefault({}),
});
export type TeamsSettings = z.infer<typeof TeamsSettings>;

const typeCommon = {
  id: MeetingTypeId,
  label: LocalizedText,
  description: LocalizedText,
  /** null = no limit of our own (the service's own limits still apply). */
  participantLimit: z.number().int().min(1).max(1000).nullable().default(null),
  /** Central 1177 templates to suggest for the patient link; empty when no patient joins. */
  templates1177: z.array(z.string().min(1)).default([]),
  invitation: LocalizedInvitation,
  /**
   * Mark the appointment Private in Outlook when booked as (or changed to) this type, so that
   * delegates and shared-calendar viewers do not see its subject. Default: on for the types with
   * a patient (care, information), off for internal meetings.
   */
  markPrivate: z.boolean().optional(),
};

/**
 * A host a join link of this type may lead to, as a URL writes it (`vmr.region.se`, or with a
 * port `vmr.region.se:8443`). The attendee pane offers a block's link only when it goes there.
 */
export const JoinHost = z
  .string()
  .transform((value) => value.trim().toLowerCase())
  .pipe(
    z
      .string()
      .regex(
        /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*(?::\d{1,5})?$/,
        "a host name such as vmr.region.se (optionally :port), no scheme or path",
      ),
  );

export const PexipMeetingType = z.object({
  ...typeCommon,
  service: z.literal("pexip"),
  /** Where this type's join links go; default: the host of PEXIP_NODE_URL. */
  joinHosts: z.array(JoinHost).min(1).optional(),
  pexip: PexipSettings.prefault({}),
});
export type PexipMeetingType = z.infer<typeof PexipMeetingType>;

export const TeamsMeetingType = z.object({
  ...typeCommon,
  service: z.literal("teams"),
  /** Where this type's join links go (Graph's joinWebUrl). */
  joinHosts: z.array(JoinHost).min(1).default(["teams.microsoft.com"]),
  teams: TeamsSettings.prefault({}),
});
export type TeamsMeetingType = z.infer<typeof TeamsMeetingType>;

/** A meeting type; its provider settings follow its `service`. */
export const MeetingType = z.discriminatedUnion("service", [PexipMeetingType, TeamsMeetingType]);
export type MeetingType = z.infer<typeof MeetingType>;

/** Display names of the services, e.g. "Teams med mötesskydd". */
export const ServiceNames = z.object({
  pexip: LocalizedText.prefault({ sv: "Pexip", en: "Pexip" }),
  teams: LocalizedText.prefault({
    sv: "Teams med mötesskydd",
    en: "Teams with meeting protection",
  }),
});
export type ServiceNames = z.infer<typeof ServiceNames>;

/** The region's policy file (version 1). */
export const PolicySchema = z
  .object({
    version: z.literal(1),
    defaultType: MeetingTypeId,
    /** Locale used when a request names none. */
    defaultLocale: Locale.default("sv"),
    types: z.array(MeetingType).min(1),
    serviceNames: ServiceNames.prefault({}),
    /** Whether the tenant has Teams Premium: only then are `teams.premium` options sent. */
    teamsPremium: z.boolean().default(false),
    /**
     * How far ahead and how long bookings may be, and how many a user may hold: a room and a
     * decryptable host PIN should not exist for a decade because of a typo or a script.
     */
    limits: z
      .object({
        /** A series must end at most this many days from now. */
        maxSeriesDaysAhead: z.number().int().min(1).max(3650).default(400),
        /** A meeting (or a series' first one) must start at most this many days from now. */
        maxDaysAhead: z.number().int().min(1).max(3650).default(730),
        /** One meeting lasts at most this many hours (24 is also the API's own ceiling). */
        maxMeetingHours: z.number().int().min(1).max(24).default(24),
        /** Bookings a user may hold that have not ended yet; more is 429 quota_exceeded. */
        maxLiveBookingsPerUser: z.number().int().min(1).max(100_000).default(500),
      })
      .prefault({}),
    /** How long the service keeps what it no longer needs. */
    retention: z
      .object({
        /** A removed (or failed) booking's row is deleted this many days after it was removed. */
        removedBookingDays: z.number().int().min(1).max(3650).default(90),
      })
      .prefault({}),
    pexip: z
      .object({
        /** Pexip's own scheduler opens rooms 30 min before the meeting. */
        openMinutesBefore: z.number().int().min(0).max(1440).default(30),
        /** The VMR is deleted this long after the booking ends. */
        cleanupGraceMinutes: z.number().int().min(0).max(10080).default(60),
      })
      .prefault({}),
  })
  .superRefine((policy, ctx) => {
    const seen = new Set<string>();
    policy.types.forEach((type, index) => {
      if (seen.has(type.id)) {
        ctx.addIssue({
          code: "custom",
          path: ["types", index, "id"],
          message: `duplicate meeting type "${type.id}"`,
        });
      }
      seen.add(type.id);
    });
    if (!seen.has(policy.defaultType)) {
      ctx.addIssue({
        code: "custom",
        path: ["defaultType"],
        message: `"${policy.defaultType}" is not one of the policy's types`,
      });
    }
  });

/**
 * A validated policy. `parsePolicy` and `DEFAULT_POLICY` hand it out deeply frozen: the type
 * stays mutable-looking so provider mappers can take its parts without casts.
 */
export type Policy = z.infer<typeof PolicySchema>;
/** What the file may leave out (defaults filled in by the schema). */
export type PolicyInput = z.input<typeof PolicySchema>;
