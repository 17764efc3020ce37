import { EVOLVABLE_LOBBY_SCOPES } from "./meeting-schema";
import { type OnlineMeeting, type StoredMeeting } from "./meeting-model";

const EVOLVABLE = new Set<string>(EVOLVABLE_LOBBY_SCOPES);

const externalKey = (tenantId: string, organizerOid: string, externalId: string) =>
  `${tenantId.toLowerCase()}|${organizerOid.toLowerCase()}|${externalId}`;

/** Meetings by id, indexed by createOrGet's key; a meeting belongs to one tenant + organizer. */
export class MeetingStore {
  private meetings = new Map<string, StoredMeeting>();
  private byExternalId = new Map<string, string>();

  clear(): void {
    this.meetings.clear();
    this.byExternalId.clear();
  }

  add(stored: StoredMeeting): void {
    this.meetings.set(stored.meeting.id, stored);
    const { externalId } = stored.meeting;
    // Plain create may reuse an externalId; createOrGet then finds the first meeting.
    const key =
      externalId === null
        ? undefined
        : externalKey(stored.tenantId, stored.organizerOid, externalId);
    if (key !== undefined && !this.byExternalId.has(key))
      this.byExternalId.set(key, stored.meeting.id);
  }

  /** The organizer's meeting with this id, or undefined (other users' meetings are invisible). */
  get(tenantId: string, organizerOid: string, id: string): StoredMeeting | undefined {
    const stored = this.meetings.get(id);
    return stored && sameOwner(stored, tenantId, organizerOid) ? stored : undefined;
  }

  delete(id: string): void {
    this.meetings.delete(id);
  }

  /** createOrGet's identity: tenant + organizer + externalId. */
  findByExternalId(
    tenantId: string,
    organizerOid: string,
    externalId: string,
  ): StoredMeeting | undefined {
    return this.ofOrganizer(tenantId, organizerOid).find(
      (s) => s.meeting.externalId === externalId,
    );
  }

  ofOrganizer(tenantId: string, organizerOid: string): StoredMeeting[] {
    return [...this.meetings.values()].filter((s) => sameOwner(s, tenantId, organizerOid));
  }

  all(): StoredMeeting[] {
    return [...this.meetings.values()];
  }
}

function sameOwner(s: StoredMeeting, tenantId: string, organizerOid: string): boolean {
  return (
    s.tenantId.toLowerCase() === tenantId.toLowerCase() &&
    s.organizerOid.toLowerCase() === organizerOid.toLowerCase()
  );
}

/**
 * A meeting as sent to a client. lobbyBypassScope is an evolvable enum: members added after
 * `unknownFutureValue` are shown only to clients that send
 * `Prefer: include-unknown-enum-members`; others read `unknownFutureValue`.
 */
export function renderMeeting(
  meeting: OnlineMeeting,
  includeUnknownEnumMembers: boolean,
): OnlineMeeting {
  const copy = structuredClone(meeting);
  if (!includeUnknownEnumMembers && EVOLVABLE.has(copy.lobbyBypassSettings.scope))
    copy.lobbyBypassSettings.scope = "unknownFutureValue";
  return copy;
}
