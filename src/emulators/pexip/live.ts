import { randomUUID } from "node:crypto";
import { type Clock } from "../clock";
import { type ConferenceRecord, type PexipStore } from "./store";

/** Why a guest is held instead of being in the meeting. */
export type HoldReason = "waiting_for_host" | "locked";

/** One call in a running conference, as the emulator keeps it. */
export interface LiveParticipant {
  id: string;
  /** The live conference's id (the status API's `conference` is its name). */
  conferenceId: string;
  role: "chair" | "guest";
  displayName: string;
  /** The alias the caller dialled. */
  alias: string;
  protocol: "WebRTC" | "SIP";
  connectTime: string;
  /** null = in the meeting; otherwise held at the waiting screen, and why. */
  held: HoldReason | null;
}

/** A conference that is running on a Conferencing Node (it has at least one call). */
export interface LiveConference {
  id: string;
  configId: number;
  name: string;
  tag: string;
  serviceType: string;
  /** Set when the first Host joins: a conference with only Guests has not started. */
  startTime: string | null;
  locked: boolean;
  guestsMuted: boolean;
  /** When the last Host left (ms), while Guests remain; they are dropped a minute later. */
  lastHostLeftAt: number | null;
  participants: Map<string, LiveParticipant>;
}

export interface JoinRequest {
  /** An alias of the VMR (what the caller dials). */
  alias: string;
  displayName: string;
  /** A PIN decides the role as on Infinity; without one, `role` says it (default guest). */
  pin?: string;
  role?: "chair" | "guest";
  protocol?: "WebRTC" | "SIP";
}

export type JoinOutcome =
  | { ok: true; participant: LiveParticipant }
  | { ok: false; status: 403 | 404 | 409; reason: string };

/** Infinity drops the Guests this long after the last Host has left (the seed: one minute). */
export const LAST_HOST_GRACE_MS = 60_000;

/**
 * What runs on the Conferencing Nodes: conferences with their calls, locks and waiting Guests.
 * Built so that a waiting-room view can be scripted: callers join (by alias, as Host or
 * Guest), wait while the conference has no Host or is locked, are let in by
 * `participant/unlock` or `conference/unlock`, and leave. Time only moves with the clock: the
 * one-minute drop after the last Host is applied whenever the state is read.
 */
export class LiveConferences {
  private readonly conferences = new Map<string, LiveConference>();

  constructor(
    private readonly store: PexipStore,
    private readonly now: Clock,
  ) {}

  reset(): void {
    this.conferences.clear();
  }

  join(request: JoinRequest): JoinOutcome {
    this.expire();
    const aliasRecord = this.store.findAlias(request.alias);
    const config = aliasRecord && this.store.getConference(aliasRecord.conferenceId);
    if (!config)
      return { ok: false, status: 404, reason: `no conference has alias ${request.alias}` };
    const role = roleFor(config, request);
    if (!role) return { ok: false, status: 403, reason: "the PIN is wrong or missing" };
    const live = this.liveFor(config);
    const limit = config.fields.participant_limit;
    if (limit !== null && live.participants.size >= limit) {
      this.dropIfEmpty(live);
      return { ok: false, status: 409, reason: "the conference has reached its participant limit" };
    }
    const participant: LiveParticipant = {
      id: randomUUID(),
      conferenceId: live.id,
      role,
      displayName: request.displayName,
      alias: request.alias,
      protocol: request.protocol ?? "WebRTC",
      connectTime: this.store.timestamp(),
      held: null,
    };
    live.participants.set(participant.id, participant);
    if (role === "chair") this.hostArrived(live);
    else
      participant.held = !this.hasHost(live) ? "waiting_for_host" : live.locked ? "locked" : null;
    return { ok: true, participant };
  }

  /** A call ends (hang-up or `participant/disconnect`); false if there is no such call. */
  leave(participantId: string): boolean {
    this.expire();
    const found = this.findParticipant(participantId);
    if (!found) return false;
    found.conference.participants.delete(participantId);
    if (found.participant.role === "chair" && !this.hasHost(found.conference))
      found.conference.lastHostLeftAt = this.now();
    this.dropIfEmpty(found.conference);
    return true;
  }

  /** `participant/unlock`: a held Guest is let in. */
  admit(participantId: string): boolean {
    this.expire();
    const found = this.findParticipant(participantId);
    if (!found) return false;
    found.participant.held = null;
    return true;
  }

  /** `conference/lock` and `conference/unlock`; unlocking lets in every Guest held by the lock. */
  setLocked(conferenceId: string, locked: boolean): boolean {
    this.expire();
    const live = this.conferences.get(conferenceId);
    if (!live) return false;
    live.locked = locked;
    if (!locked) for (const p of live.participants.values()) if (p.held === "locked") p.held = null;
    return true;
  }

  conference(id: string): LiveConference | undefined {
    this.expire();
    return this.conferences.get(id);
  }

  all(): LiveConference[] {
    this.expire();
    return [...this.conferences.values()];
  }

  participant(
    id: string,
  ): { participant: LiveParticipant; conference: LiveConference } | undefined {
    this.expire();
    return this.findParticipant(id);
  }

  participants(): Array<{ participant: LiveParticipant; conference: LiveConference }> {
    this.expire();
    return this.all().flatMap((conference) =>
      [...conference.participants.values()].map((participant) => ({ participant, conference })),
    );
  }

  private liveFor(config: ConferenceRecord): LiveConference {
    for (const live of this.conferences.values()) if (live.configId === config.id) return live;
    const live: LiveConference = {
      id: randomUUID(),
      configId: config.id,
      name: config.fields.name,
      tag: config.fields.tag,
      serviceType: config.fields.service_type,
      startTime: null,
      locked: false,
      guestsMuted: config.fields.mute_all_guests,
      lastHostLeftAt: null,
      participants: new Map(),
    };
    this.conferences.set(live.id, live);
    return live;
  }

  private hostArrived(live: LiveConference): void {
    live.startTime ??= this.store.timestamp();
    live.lastHostLeftAt = null;
    // Guests who waited for a Host now come in, unless the conference is locked: then they
    // stay held until a Host lets them in.
    for (const p of live.participants.values())
      if (p.held === "waiting_for_host") p.held = live.locked ? "locked" : null;
  }

  private hasHost(live: LiveConference): boolean {
    for (const p of live.participants.values()) if (p.role === "chair") return true;
    return false;
  }

  private findParticipant(id: string) {
    for (const conference of this.conferences.values()) {
      const participant = conference.participants.get(id);
      if (participant) return { participant, conference };
    }
    return undefined;
  }

  private dropIfEmpty(live: LiveConference): void {
    if (live.participants.size === 0) this.conferences.delete(live.id);
  }

  /**
   * A minute after the last Host left, the Guests are disconnected and the conference ends; a
   * deleted VMR ends its conference too.
   */
  private expire(): void {
    const now = this.now();
    for (const live of [...this.conferences.values()]) {
      const hostGone =
        live.lastHostLeftAt !== null && now - live.lastHostLeftAt >= LAST_HOST_GRACE_MS;
      if (hostGone || !this.store.getConference(live.configId)) this.conferences.delete(live.id);
    }
  }
}

/**
 * The role a caller gets, as Infinity decides it: the Host PIN makes a Host, the Guest PIN (or
 * no PIN when Guests need none) a Guest; without any PIN configured everyone is a Host. A
 * scripted caller may name its role instead of giving a PIN.
 */
function roleFor(config: ConferenceRecord, request: JoinRequest): "chair" | "guest" | undefined {
  const { pin, guest_pin: guestPin, allow_guests: allowGuests } = config.fields;
  if (request.pin === undefined) return request.role ?? (allowGuests ? "guest" : "chair");
  if (pin !== "" && request.pin === pin) return "chair";
  if (allowGuests && guestPin !== "" && request.pin === guestPin) return "guest";
  if (allowGuests && guestPin === "" && request.pin === "") return "guest";
  if (pin === "" && guestPin === "") return "chair";
  return undefined;
}
