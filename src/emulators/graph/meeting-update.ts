import { expiryFor, graphDate, type StoredMeeting } from "./meeting-model";
import { type PatchBody } from "./meeting-schema";

export type UpdateCheck = { ok: true } | { ok: false; message: string };

/**
 * The documented update rules (onlinemeeting-update and the resource page):
 * start and end only together; joinMeetingIdSettings only at creation; the organizer cannot
 * change; `anonymizeIdentityForRoles: ["attendee"]` cannot be removed; a template cannot be
 * overwritten. Checked before anything changes, so a refused PATCH changes nothing.
 */
export function checkPatch(stored: StoredMeeting, body: PatchBody): UpdateCheck {
  const m = stored.meeting;
  if (body.joinMeetingIdSettings !== undefined)
    return fail(
      "joinMeetingIdSettings cannot be modified after the meeting is created. Cancel this meeting and create a new one.",
    );
  if ((body.startDateTime === undefined) !== (body.endDateTime === undefined))
    return fail("startDateTime and endDateTime must both be provided to change the meeting time.");
  if (body.startDateTime !== undefined && body.endDateTime !== undefined) {
    if (Date.parse(body.endDateTime) <= Date.parse(body.startDateTime))
      return fail("endDateTime must be later than startDateTime.");
  }
  const organizer = body.participants?.organizer;
  if (organizer && organizer.identity.user.id.toLowerCase() !== stored.organizerOid.toLowerCase())
    return fail("The organizer of a meeting cannot be changed.");
  if (
    body.anonymizeIdentityForRoles !== undefined &&
    m.anonymizeIdentityForRoles.includes("attendee") &&
    !body.anonymizeIdentityForRoles.includes("attendee")
  )
    return fail("anonymizeIdentityForRoles cannot be removed once set.");
  if (body.meetingTemplateId !== undefined && body.meetingTemplateId !== m.meetingTemplateId)
    return fail("meetingTemplateId can only be set when the meeting is created.");
  return { ok: true };
}

/** Applies a checked PATCH: only the properties sent change. */
export function applyPatch(stored: StoredMeeting, body: PatchBody): void {
  const m = stored.meeting;
  const {
    startDateTime,
    endDateTime,
    participants,
    lobbyBypassSettings,
    joinMeetingIdSettings: _j,
    ...rest
  } = body;
  Object.assign(m, rest);
  if (lobbyBypassSettings)
    m.lobbyBypassSettings = { ...m.lobbyBypassSettings, ...lobbyBypassSettings };
  if (startDateTime !== undefined && endDateTime !== undefined) {
    const endMs = Date.parse(endDateTime);
    m.startDateTime = graphDate(Date.parse(startDateTime));
    m.endDateTime = graphDate(endMs);
    m.expiryDateTime = expiryFor(endMs);
  }
  // Attendees are replaced as a whole list ("include the full list"), the organizer stays.
  if (participants?.attendees)
    m.participants.attendees = participants.attendees.map((a) => ({
      upn: a.upn ?? null,
      role: a.role ?? "attendee",
      identity: { user: { displayName: null, ...a.identity.user } },
    }));
}

function fail(message: string): UpdateCheck {
  return { ok: false, message };
}
