// Pure translations between a booking and Graph's onlineMeeting.
import { JoinData, type Policy, type TeamsMeetingType } from "../../../shared";
import type { MeetingWindow } from "../video-provider";
import { GraphCreateOnly, GraphMeetingSettings, type GraphOnlineMeeting } from "./graph-schemas";

/** The type's protection options as Graph properties (Premium ones only with `teamsPremium`). */
export function toGraphMeetingSettings(
  type: TeamsMeetingType,
  policy: Policy,
): GraphMeetingSettings {
  const t = type.teams;
  const premium = policy.teamsPremium ? t.premium : undefined;
  return GraphMeetingSettings.parse({
    lobbyBypassSettings: { scope: t.lobbyScope, isDialInBypassEnabled: t.dialInBypassesLobby },
    allowedPresenters: t.allowedPresenters,
    allowMeetingChat: t.allowMeetingChat,
    allowRecording: t.allowRecording,
    allowTranscription: t.allowTranscription,
    allowAttendeeToEnableMic: t.allowAttendeeToEnableMic,
    allowAttendeeToEnableCamera: t.allowAttendeeToEnableCamera,
    isEntryExitAnnounced: t.isEntryExitAnnounced,
    ...(premium && {
      watermarkProtection: {
        isEnabledForContentSharing: premium.watermarkProtection,
        isEnabledForVideo: premium.watermarkProtection,
      },
      isEndToEndEncryptionEnabled: premium.endToEndEncryption,
      ...(premium.anonymizeAttendees && { anonymizeIdentityForRoles: ["attendee"] }),
      ...(premium.sensitivityLabelId && {
        sensitivityLabelAssignment: { sensitivityLabelId: premium.sensitivityLabelId },
      }),
    }),
  });
}

/** What only a create can set: the passcode for joining by meeting ID, and a Premium template. */
export function toGraphCreateOnly(type: TeamsMeetingType, policy: Policy): GraphCreateOnly {
  const templateId = policy.teamsPremium ? type.teams.premium.meetingTemplateId : undefined;
  return GraphCreateOnly.parse({
    joinMeetingIdSettings: { isPasscodeRequired: type.teams.passcodeRequired },
    ...(templateId && { meetingTemplateId: templateId }),
  });
}

/** createOrGet alone cannot give these; true when the type wants any of them. */
export function needsCreateOnly(createOnly: GraphCreateOnly): boolean {
  return createOnly.joinMeetingIdSettings.isPasscodeRequired || !!createOnly.meetingTemplateId;
}

/** Whether an existing meeting already has what only a create could have given it. */
export function hasCreateOnly(meeting: GraphOnlineMeeting, createOnly: GraphCreateOnly): boolean {
  const passcodeOk =
    !createOnly.joinMeetingIdSettings.isPasscodeRequired ||
    !!meeting.joinMeetingIdSettings?.passcode;
  const templateOk =
    !createOnly.meetingTemplateId || meeting.meetingTemplateId === createOnly.meetingTemplateId;
  return passcodeOk && templateOk;
}

/**
 * The meeting's times. A standalone onlineMeeting serves a whole recurring series, so it ends
 * with the series: its join link then stays valid until 60 days after the last occurrence.
 */
export function graphTimes(window: MeetingWindow): { startDateTime: string; endDateTime: string } {
  return {
    startDateTime: window.start.toISOString(),
    endDateTime: (window.seriesEnd ?? window.end).toISOString(),
  };
}

/** Properties we sent that the answer does not show (Graph may ignore Premium options). */
export function unappliedSettings(
  sent: Partial<GraphMeetingSettings & GraphCreateOnly>,
  got: GraphOnlineMeeting,
): string[] {
  const missing: string[] = [];
  const gotRecord = got as Record<string, unknown>;
  for (const [key, value] of Object.entries(sent)) {
    if (value === undefined || key === "joinMeetingIdSettings") continue;
    if (!covers(value, gotRecord[key])) missing.push(key);
  }
  return missing;
}

function covers(sent: unknown, got: unknown): boolean {
  if (Array.isArray(sent)) return Array.isArray(got) && sent.every((item) => got.includes(item));
  if (typeof sent === "object" && sent !== null) {
    if (typeof got !== "object" || got === null) return false;
    const gotRecord = got as Record<string, unknown>;
    return Object.entries(sent).every(([k, v]) => covers(v, gotRecord[k]));
  }
  return sent === got;
}

/**
 * Guest join data: the join link as Graph gives it (never parsed), the meeting ID and passcode
 * for joining by ID, and the dial-in number when the organizer has Audio Conferencing.
 * Undefined when Graph's answer is not a usable join (e.g. not an https link).
 */
export function teamsJoinData(meeting: GraphOnlineMeeting): JoinData | undefined {
  const ids = meeting.joinMeetingIdSettings;
  const audio = meeting.audioConferencing;
  const number =
    audio?.tollNumbers?.[0] ??
    audio?.tollNumber ??
    audio?.tollFreeNumbers?.[0] ??
    audio?.tollFreeNumber ??
    undefined;
  const parsed = JoinData.safeParse({
    url: meeting.joinWebUrl,
    ...(ids?.joinMeetingId && { meetingId: ids.joinMeetingId }),
    ...(ids?.passcode && { passcode: ids.passcode }),
    ...(number && {
      dialIn: { number, ...(audio?.conferenceId && { conferenceId: audio.conferenceId }) },
    }),
  });
  return parsed.success ? parsed.data : undefined;
}
