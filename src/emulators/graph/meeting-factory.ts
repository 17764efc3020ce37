import { randomInt, randomUUID } from "node:crypto";
import { expiryFor, graphDate, MEETING_DEFAULTS, type OnlineMeeting } from "./meeting-model";
import { type CreateBody } from "./meeting-schema";
import { type TenantSettings } from "./tenants";

export interface NewMeeting {
  tenantId: string;
  organizerOid: string;
  body: CreateBody;
  startMs: number;
  endMs: number;
  tenant: TenantSettings;
  nowMs: number;
}

const HOUR_MS = 60 * 60 * 1000;

/**
 * Start and end as Graph settles them: neither → now and an hour later; start only → an
 * hour later; end without start → error; end must follow start.
 */
export function resolveTimes(
  start: string | undefined,
  end: string | undefined,
  nowMs: number,
): { ok: true; startMs: number; endMs: number } | { ok: false; message: string } {
  if (end !== undefined && start === undefined)
    return { ok: false, message: "startDateTime is required when endDateTime is given." };
  const startMs = start === undefined ? nowMs : Date.parse(start);
  const endMs = end === undefined ? startMs + HOUR_MS : Date.parse(end);
  if (endMs <= startMs)
    return { ok: false, message: "endDateTime must be later than startDateTime." };
  return { ok: true, startMs, endMs };
}

const digits = (n: number) =>
  Array.from({ length: n }, (_, i) => randomInt(i === 0 ? 1 : 0, 10)).join("");
const ALNUM = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const alnum = (n: number) =>
  Array.from({ length: n }, () => ALNUM[randomInt(ALNUM.length)]).join("");

/** Builds a new meeting with fresh join data, as Teams would hand it out. */
export function buildMeeting(input: NewMeeting): OnlineMeeting {
  const { tenantId, organizerOid, body, tenant } = input;
  const threadId = `19:meeting_${Buffer.from(randomUUID()).toString("base64url")}@thread.v2`;
  const joinMeetingId = digits(12);
  const passcodeRequired = body.joinMeetingIdSettings?.isPasscodeRequired ?? false;
  const passcode = passcodeRequired ? alnum(6) : null;
  // The new short form (MC772556); `p` is a hashed passcode. Clients must never parse it.
  const joinWebUrl = `https://teams.microsoft.com/meet/${joinMeetingId}?p=${alnum(20)}`;
  const conferenceId = digits(9);
  const {
    joinMeetingIdSettings: _j,
    participants,
    externalId,
    startDateTime: _s,
    endDateTime: _e,
    ...settings
  } = body;
  const meeting: OnlineMeeting = {
    ...MEETING_DEFAULTS,
    ...settings,
    lobbyBypassSettings: {
      ...MEETING_DEFAULTS.lobbyBypassSettings,
      ...settings.lobbyBypassSettings,
    },
    id: Buffer.from(`1*${organizerOid}*0**${threadId}`).toString("base64url"),
    creationDateTime: graphDate(input.nowMs),
    startDateTime: graphDate(input.startMs),
    endDateTime: graphDate(input.endMs),
    expiryDateTime: expiryFor(input.endMs),
    joinWebUrl,
    externalId: externalId ?? null,
    isBroadcast: false,
    videoTeleconferenceId: null,
    meetingOptionsWebUrl: `https://teams.microsoft.com/meetingOptions/?organizerId=${organizerOid}&tenantId=${tenantId}&threadId=${encodeURIComponent(threadId)}&messageId=0&language=en-US`,
    joinMeetingIdSettings: { isPasscodeRequired: passcodeRequired, joinMeetingId, passcode },
    audioConferencing: tenant.audioConferencing
      ? {
          conferenceId,
          tollNumber: tenant.tollNumber,
          tollFreeNumber: null,
          tollNumbers: [tenant.tollNumber],
          tollFreeNumbers: [],
          dialinUrl: `https://dialin.teams.microsoft.com/${randomUUID()}?id=${conferenceId}`,
        }
      : null,
    chatInfo: { threadId, messageId: "0", replyChainMessageId: null },
    participants: {
      organizer: {
        upn: null,
        role: "presenter",
        identity: {
          user: { id: organizerOid, displayName: null, tenantId, identityProvider: "AAD" },
        },
      },
      attendees: (participants?.attendees ?? []).map((a) => ({
        upn: a.upn ?? null,
        role: a.role ?? "attendee",
        identity: { user: { displayName: null, ...a.identity.user } },
      })),
    },
    joinInformation: { content: "", contentType: "html" },
  };
  meeting.joinInformation.content = joinInformation(meeting);
  return meeting;
}

/** Microsoft's ready-made invitation block, URL-encoded as Graph returns it. */
export function joinInformation(m: OnlineMeeting): string {
  const line = `<div style="width:100%">${"_".repeat(80)}</div>`;
  const dialIn = m.audioConferencing
    ? `<div>Dial in by phone<br>${m.audioConferencing.tollNumber}<br>Phone conference ID: ${m.audioConferencing.conferenceId}#</div>`
    : "";
  const passcode = m.joinMeetingIdSettings.passcode
    ? ` Passcode: ${m.joinMeetingIdSettings.passcode}`
    : "";
  const html = `${line}<div class="me-email-text" lang="en-US"><div>Microsoft Teams meeting</div><div>Join: <a href="${m.joinWebUrl}">${m.joinWebUrl}</a></div><div>Meeting ID: ${m.joinMeetingIdSettings.joinMeetingId}${passcode}</div>${dialIn}<div><a href="${m.meetingOptionsWebUrl}">Meeting options</a></div></div>${line}`;
  return `data:text/html,${encodeURIComponent(html)}`;
}
