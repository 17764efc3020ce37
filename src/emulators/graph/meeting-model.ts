import { type MeetingSettings } from "./meeting-schema";

type Participant = {
  upn: string | null;
  role: string;
  identity: {
    user: { id: string; displayName: string | null; tenantId?: string; identityProvider?: string };
  };
};

/** An onlineMeeting as Graph v1.0 returns it. */
export type OnlineMeeting = Omit<
  Required<MeetingSettings>,
  | "joinMeetingIdSettings"
  | "participants"
  | "lobbyBypassSettings"
  | "watermarkProtection"
  | "externalId"
> & {
  id: string;
  creationDateTime: string;
  joinWebUrl: string;
  expiryDateTime: string;
  meetingOptionsWebUrl: string;
  videoTeleconferenceId: null;
  isBroadcast: false;
  externalId: string | null;
  lobbyBypassSettings: { scope: string; isDialInBypassEnabled: boolean };
  watermarkProtection: { isEnabledForContentSharing?: boolean; isEnabledForVideo?: boolean } | null;
  joinMeetingIdSettings: {
    isPasscodeRequired: boolean;
    joinMeetingId: string;
    passcode: string | null;
  };
  audioConferencing: {
    conferenceId: string;
    tollNumber: string;
    tollFreeNumber: null;
    tollNumbers: string[];
    tollFreeNumbers: string[];
    dialinUrl: string;
  } | null;
  chatInfo: { threadId: string; messageId: string; replyChainMessageId: null };
  participants: { organizer: Participant; attendees: Participant[] };
  joinInformation: { content: string; contentType: "html" };
};

/** A stored meeting: the resource plus whose it is (tenant + organizer). */
export interface StoredMeeting {
  tenantId: string;
  organizerOid: string;
  meeting: OnlineMeeting;
}

/** What a meeting gets for properties nobody set (a tenant with Teams' default meeting policy). */
export const MEETING_DEFAULTS = {
  subject: null,
  allowedPresenters: "everyone",
  allowedLobbyAdmitters: "organizerAndCoOrganizersAndPresenters",
  allowMeetingChat: "enabled",
  allowTeamworkReactions: true,
  allowAttendeeToEnableCamera: true,
  allowAttendeeToEnableMic: true,
  allowRecording: true,
  allowTranscription: true,
  recordAutomatically: false,
  isEntryExitAnnounced: false,
  allowParticipantsToChangeName: false,
  allowCopyingAndSharingMeetingContent: true,
  allowBreakoutRooms: true,
  allowLiveShare: "enabled",
  allowPowerPointSharing: true,
  allowWhiteboard: true,
  shareMeetingChatHistoryDefault: "all",
  chatRestrictions: null,
  meetingSpokenLanguageTag: null,
  anonymizeIdentityForRoles: [],
  watermarkProtection: null,
  isEndToEndEncryptionEnabled: false,
  meetingTemplateId: null,
  sensitivityLabelAssignment: null,
  lobbyBypassSettings: { scope: "organization", isDialInBypassEnabled: false },
} satisfies Partial<OnlineMeeting>;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Graph's DateTimeOffset output: UTC with seven fractional digits. */
export function graphDate(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, ".$10000Z");
}

/** "set to 60 days after the meeting's … end time" (resource page). */
export function expiryFor(endMs: number): string {
  return graphDate(endMs + 60 * DAY_MS);
}
