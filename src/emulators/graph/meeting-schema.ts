import { z } from "zod";

/**
 * The onlineMeeting properties a client may set, with their v1.0 types and enums
 * (learn.microsoft.com/graph/api/resources/onlinemeeting). Bad values get
 * OData's wording so that client logs read as they would against Graph.
 */
function graphEnum<const T extends readonly [string, ...string[]]>(typeName: string, values: T) {
  return z.enum(values, {
    error: (iss) =>
      `Cannot convert the literal '${String(iss.input)}' to the expected type 'microsoft.graph.${typeName}'.`,
  });
}

const dateTime = z.iso.datetime({
  offset: true,
  error: (iss) =>
    `Cannot convert the literal '${String(iss.input)}' to the expected type 'Edm.DateTimeOffset'.`,
});
const boolean = z.boolean({
  error: (iss) =>
    `Cannot convert the literal '${String(iss.input)}' to the expected type 'Edm.Boolean'.`,
});

/** lobbyBypassScope members after `unknownFutureValue`: shown only with the Prefer header. */
export const EVOLVABLE_LOBBY_SCOPES = ["invited", "organizationExcludingGuests"] as const;

const identitySet = z.object({
  user: z
    .object({
      id: z.string(),
      displayName: z.string().nullable().optional(),
      tenantId: z.string().optional(),
      identityProvider: z.string().optional(),
    })
    .strict(),
});
const role = graphEnum("onlineMeetingRole", ["attendee", "presenter", "producer", "coorganizer"]);
const participantInfo = z
  .object({ identity: identitySet, upn: z.string().nullable().optional(), role: role.optional() })
  .strict();

export const participantsSchema = z
  .object({ organizer: participantInfo.optional(), attendees: z.array(participantInfo).optional() })
  .strict();

export const settableSchema = z.object({
  subject: z.string().nullable(),
  startDateTime: dateTime,
  endDateTime: dateTime,
  participants: participantsSchema,
  lobbyBypassSettings: z
    .object({
      scope: graphEnum("lobbyBypassScope", [
        "organizer",
        "organization",
        "organizationAndFederated",
        "everyone",
        ...EVOLVABLE_LOBBY_SCOPES,
      ]).optional(),
      isDialInBypassEnabled: boolean.optional(),
    })
    .strict(),
  allowedPresenters: graphEnum("onlineMeetingPresenters", [
    "everyone",
    "organization",
    "roleIsPresenter",
    "organizer",
  ]),
  allowedLobbyAdmitters: graphEnum("allowedLobbyAdmitterRoles", [
    "organizerAndCoOrganizersAndPresenters",
    "organizerAndCoOrganizers",
  ]),
  allowMeetingChat: graphEnum("meetingChatMode", ["enabled", "disabled", "limited"]),
  allowTeamworkReactions: boolean,
  allowAttendeeToEnableCamera: boolean,
  allowAttendeeToEnableMic: boolean,
  allowRecording: boolean,
  allowTranscription: boolean,
  recordAutomatically: boolean,
  isEntryExitAnnounced: boolean,
  allowParticipantsToChangeName: boolean,
  allowCopyingAndSharingMeetingContent: boolean,
  allowBreakoutRooms: boolean,
  allowLiveShare: graphEnum("meetingLiveShareOptions", ["enabled", "disabled"]),
  allowPowerPointSharing: boolean,
  allowWhiteboard: boolean,
  shareMeetingChatHistoryDefault: graphEnum("meetingChatHistoryDefaultMode", ["all", "none"]),
  chatRestrictions: z.object({ allowTextOnly: boolean }).strict().nullable(),
  meetingSpokenLanguageTag: z.string().nullable(),
  anonymizeIdentityForRoles: z.array(role),
  watermarkProtection: z
    .object({
      isEnabledForContentSharing: boolean.optional(),
      isEnabledForVideo: boolean.optional(),
    })
    .strict()
    .nullable(),
  isEndToEndEncryptionEnabled: boolean,
  meetingTemplateId: z.string().nullable(),
  sensitivityLabelAssignment: z.object({ sensitivityLabelId: z.string() }).strict().nullable(),
  joinMeetingIdSettings: z.object({ isPasscodeRequired: boolean }).strict(),
  externalId: z.string().min(1).max(256),
});

export type MeetingSettings = z.infer<typeof settableSchema>;

/** POST /users/{id}/onlineMeetings: every settable property. */
export const createBodySchema = settableSchema.partial().strict();
/** PATCH: the same minus externalId (joinMeetingIdSettings is refused by rule, not by type). */
export const patchBodySchema = settableSchema.omit({ externalId: true }).partial().strict();
/** createOrGet is an OData action: only its documented parameters are accepted. */
export const createOrGetBodySchema = z
  .object({
    externalId: z.string({ error: "The parameter 'externalId' is required." }).min(1).max(256),
    startDateTime: dateTime.optional(),
    endDateTime: dateTime.optional(),
    subject: z.string().nullable().optional(),
    participants: participantsSchema.optional(),
    chatInfo: z
      .object({ threadId: z.string().optional(), messageId: z.string().optional() })
      .optional(),
  })
  .strict();

export type CreateBody = z.infer<typeof createBodySchema>;
export type PatchBody = z.infer<typeof patchBodySchema>;

/** Properties Graph returns but nobody may set. */
export const READ_ONLY = new Set([
  "id",
  "creationDateTime",
  "joinWebUrl",
  "joinUrl",
  "joinInformation",
  "audioConferencing",
  "chatInfo",
  "expiryDateTime",
  "meetingOptionsWebUrl",
  "videoTeleconferenceId",
  "isBroadcast",
  "broadcastSettings",
  "meetingCode",
]);

/** Turns zod issues into the one message Graph would send. */
export function graphValidationMessage(
  error: z.ZodError,
  operation: "onlineMeeting" | "createOrGet",
): string {
  const issue = error.issues[0]!;
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0]!;
    if (operation === "createOrGet")
      return `The parameter '${key}' in the request payload is not a valid parameter for the operation 'createOrGet'.`;
    if (issue.path.length === 0 && READ_ONLY.has(key))
      return `The property '${key}' is read-only and cannot be set.`;
    return `The property '${key}' does not exist on type 'microsoft.graph.onlineMeeting'. Make sure to only use property names that are defined by the type.`;
  }
  // OData's conversion messages stand alone; others get the property they are about.
  if (issue.message.startsWith("Cannot convert") || issue.path.length === 0) return issue.message;
  return `${issue.message} (${issue.path.join(".")})`;
}
