// What we send to and read from Graph's onlineMeeting resource. Every Graph field
// name of the service lives in this folder.
import { z } from "zod";

const nullableBool = z.boolean().nullish();

/**
 * An onlineMeeting as Graph answers it; only the parts we read.
 * @link https://learn.microsoft.com/en-us/graph/api/resources/onlinemeeting?view=graph-rest-1.0
 */
export const GraphOnlineMeeting = z.object({
  id: z.string().min(1),
  externalId: z.string().nullish(),
  /** Never parsed: "The format of the URL may change". */
  joinWebUrl: z.string().min(1),
  startDateTime: z.string().nullish(),
  endDateTime: z.string().nullish(),
  joinMeetingIdSettings: z
    .object({
      isPasscodeRequired: nullableBool,
      joinMeetingId: z.string().nullish(),
      passcode: z.string().nullish(),
    })
    .nullish(),
  /** @link https://learn.microsoft.com/en-us/graph/api/resources/audioconferencing?view=graph-rest-1.0 */
  audioConferencing: z
    .object({
      conferenceId: z.string().nullish(),
      tollNumber: z.string().nullish(),
      tollFreeNumber: z.string().nullish(),
      tollNumbers: z.array(z.string()).nullish(),
      tollFreeNumbers: z.array(z.string()).nullish(),
    })
    .nullish(),
  lobbyBypassSettings: z
    .object({ scope: z.string().nullish(), isDialInBypassEnabled: nullableBool })
    .nullish(),
  allowedPresenters: z.string().nullish(),
  allowMeetingChat: z.string().nullish(),
  allowRecording: nullableBool,
  allowTranscription: nullableBool,
  allowAttendeeToEnableMic: nullableBool,
  allowAttendeeToEnableCamera: nullableBool,
  isEntryExitAnnounced: nullableBool,
  watermarkProtection: z
    .object({ isEnabledForContentSharing: nullableBool, isEnabledForVideo: nullableBool })
    .nullish(),
  isEndToEndEncryptionEnabled: nullableBool,
  anonymizeIdentityForRoles: z.array(z.string()).nullish(),
  sensitivityLabelAssignment: z.object({ sensitivityLabelId: z.string().nullish() }).nullish(),
  meetingTemplateId: z.string().nullish(),
});
export type GraphOnlineMeeting = z.infer<typeof GraphOnlineMeeting>;

/**
 * The protection options a PATCH can set (and a create too). Premium ones only when the
 * policy says the tenant has Teams Premium.
 * @link https://learn.microsoft.com/en-us/graph/api/onlinemeeting-update?view=graph-rest-1.0
 */
export const GraphMeetingSettings = z.object({
  lobbyBypassSettings: z.object({
    scope: z.enum([
      "organizer",
      "organization",
      "organizationExcludingGuests",
      "invited",
      "everyone",
    ]),
    isDialInBypassEnabled: z.boolean(),
  }),
  allowedPresenters: z.enum(["organizer", "roleIsPresenter", "organization", "everyone"]),
  allowMeetingChat: z.enum(["enabled", "disabled", "limited"]),
  allowRecording: z.boolean(),
  allowTranscription: z.boolean(),
  allowAttendeeToEnableMic: z.boolean(),
  allowAttendeeToEnableCamera: z.boolean(),
  isEntryExitAnnounced: z.boolean(),
  watermarkProtection: z
    .object({ isEnabledForContentSharing: z.boolean(), isEnabledForVideo: z.boolean() })
    .optional(),
  isEndToEndEncryptionEnabled: z.boolean().optional(),
  /** Cannot be removed once set, so it is sent only to add it. */
  anonymizeIdentityForRoles: z.array(z.literal("attendee")).optional(),
  sensitivityLabelAssignment: z.object({ sensitivityLabelId: z.string() }).optional(),
});
export type GraphMeetingSettings = z.infer<typeof GraphMeetingSettings>;

/**
 * Options only a create sets: "joinMeetingIdSettings cannot be modified after creation", a
 * template "cannot be overwritten", and createOrGet takes neither.
 * @link https://learn.microsoft.com/en-us/graph/api/application-post-onlinemeetings?view=graph-rest-1.0
 */
export const GraphCreateOnly = z.object({
  joinMeetingIdSettings: z.object({ isPasscodeRequired: z.boolean() }),
  meetingTemplateId: z.string().optional(),
});
export type GraphCreateOnly = z.infer<typeof GraphCreateOnly>;

/**
 * createOrGet's parameters: keyed by tenant + organizer + externalId.
 * @link https://learn.microsoft.com/en-us/graph/api/onlinemeeting-createorget?view=graph-rest-1.0
 */
export const GraphCreateOrGet = z.object({
  externalId: z.string().min(1).max(256),
  subject: z.string(),
  /** Both or neither; Graph's default is now and an hour later. */
  startDateTime: z.string().optional(),
  endDateTime: z.string().optional(),
});
export type GraphCreateOrGet = z.infer<typeof GraphCreateOrGet>;

/**
 * Graph's error body.
 * @link https://learn.microsoft.com/en-us/graph/errors
 */
export const GraphErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string().optional() }),
});

/**
 * Entra ID token answer (client credentials).
 * @link https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-client-creds-grant-flow
 */
export const EntraTokenResponse = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().positive(),
});

/** Entra's error body: an OAuth error code and AADSTS codes. */
export const EntraErrorBody = z.object({
  error: z.string(),
  error_codes: z.array(z.number()).optional(),
});
