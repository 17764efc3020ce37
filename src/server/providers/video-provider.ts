// The one contract between the booking service and a video service. Each provider
// folder exports a factory that returns this interface; provider field names (Pexip's
// `guest_pin`, Graph's `lobbyBypassSettings` …) never leave that folder.
import type { JoinData, MeetingType, Policy, ServiceId } from "../../shared";

/** When the meeting happens. `seriesEnd` is the end of the last occurrence of a series. */
export interface MeetingWindow {
  start: Date;
  end: Date;
  seriesEnd: Date | null;
}

/** Who books: the organizer's Entra ID object id and tenant (the only user data we keep). */
export interface Organizer {
  oid: string;
  tid: string;
}

/**
 * What the service stores to find the remote object again (cal.com's PartialReference).
 * Opaque to the service: only the provider that made it reads it. JSON-serialisable.
 */
export interface ProviderRef {
  service: ServiceId;
  /** The provider's id of the object (Pexip conference id, Graph onlineMeeting id). */
  externalId: string;
  /** Provider-specific extras (Pexip resource URI, the Teams organizer's oid …). */
  data: Record<string, string>;
}

/**
 * Host secrets the service must keep but never show guests: stored encrypted, used only to
 * build the host link for *Starta möte*.
 */
export interface HostSecret {
  /** Pexip host PIN; absent when hosts sign in through an identity provider group. */
  pin?: string;
}

export interface CreateMeetingInput {
  /** Our booking id: Pexip derives the VMR name from it, Teams uses it as `externalId`. */
  bookingId: string;
  type: MeetingType;
  policy: Policy;
  window: MeetingWindow;
  organizer: Organizer;
}

export interface CreatedMeeting {
  ref: ProviderRef;
  join: JoinData;
  host: HostSecret;
}

export interface UpdateMeetingInput {
  type: MeetingType;
  policy: Policy;
  window: MeetingWindow;
}

/**
 * One call in a running meeting, as the waiting room needs it. `displayName` is what the caller
 * typed: personal data, handed to the pane in the answer being built and then dropped — never
 * stored, logged, cached, counted or put in an error.
 */
export interface RoomCall {
  /** The service's id of the call (Pexip's participant UUID); never shown to the pane. */
  callId: string;
  role: "host" | "guest";
  /** Held at the waiting screen (no host yet, or the conference is locked). */
  waiting: boolean;
  /** When the call connected (ms since the epoch). */
  connectedAt: number;
  displayName: string;
}

export interface ListOptions {
  beforeRequest?: () => Promise<void>;
}

export interface VideoProvider {
  readonly service: ServiceId;
  /**
   * Creates the remote meeting. Must be safe to call again with the same bookingId after a
   * crash (Teams: createOrGet by externalId; Pexip: the VMR name is unique per booking, so a
   * repeat finds the existing VMR instead of making a second one).
   */
  createMeeting(input: CreateMeetingInput): Promise<CreatedMeeting>;
  /** Brings the remote meeting's window up to date (Teams start/end; Pexip: nothing remote). */
  updateMeeting(ref: ProviderRef, input: UpdateMeetingInput): Promise<void>;
  /** Deletes the remote meeting. Idempotent: an object that is already gone is success. */
  deleteMeeting(ref: ProviderRef): Promise<void>;
  /** Whether the remote meeting still exists (reconcile). */
  getMeeting(ref: ProviderRef): Promise<{ exists: boolean }>;
  /** Finds what a crash may have left: the remote object made for this booking, if any. */
  findByBookingId(bookingId: string, organizer: Organizer): Promise<ProviderRef | null>;
  /**
   * Every remote object we created (Pexip: by tag); Teams cannot list, so it answers null. Refs
   * carry `data.meetingKey` and, where the service says, `data.createdAt` (ISO). `beforeRequest`
   * runs before each page is asked for (the jobs' API budget).
   */
  listOurs(options?: ListOptions): Promise<ProviderRef[] | null>;
  /** The link *Starta möte* opens for the host. */
  hostUrl(ref: ProviderRef, join: JoinData, host: HostSecret): string;
  /** Cheap reachability check for /readyz (auth included). */
  ping(): Promise<void>;
  /**
   * The calls in the meeting right now (Pexip's status API). Absent when the service has no
   * such API: Teams' lobby is handled in Teams.
   */
  roomCalls?(ref: ProviderRef): Promise<RoomCall[]>;
  /** Lets held calls in (Pexip's command API); a call that has gone already is skipped. */
  admitCalls?(ref: ProviderRef, callIds: readonly string[]): Promise<number>;
}
