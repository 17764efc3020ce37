import { empty, json } from "../http/reply";
import { type Route } from "../http/router";
import { type LiveConference, type LiveConferences, type LiveParticipant } from "./live";
import { applyFilters, paginate, type ListSpec } from "./listing";
import { normalizeBooleanFilters } from "./tastypie";

export const STATUS_BASE = "/api/admin/status/v1";

/** A status resource's list URL and one object's URL. */
function statusPaths(resource: "conference" | "participant") {
  return {
    list: new RegExp(`^${STATUS_BASE}/${resource}/$`),
    detail: new RegExp(`^${STATUS_BASE}/${resource}/(?<id>[^/]+)/$`),
  };
}

type Call = { participant: LiveParticipant; conference: LiveConference };

/**
 * A conference as the status API shows it (field names from Pexip's go-infinity-sdk
 * `status.ConferenceStatus`; test/fixtures/contracts/pexip holds them).
 */
export function conferenceStatus(live: LiveConference) {
  return {
    direct_media_available: false,
    guests_muted: live.guestsMuted,
    id: live.id,
    is_locked: live.locked,
    is_started: live.startTime !== null,
    name: live.name,
    resource_uri: `${STATUS_BASE}/conference/${live.id}/`,
    service_type: live.serviceType,
    start_time: live.startTime,
    tag: live.tag,
  };
}

/**
 * A call as the status API shows it (every field of go-infinity-sdk `status.Participant`).
 * A Guest held at the waiting screen is `is_on_hold` and has no media and no licence yet.
 */
export function participantStatus({ participant: p, conference: c }: Call) {
  const inMeeting = p.held === null;
  const bandwidth = inMeeting ? 1600 : 0;
  return {
    bandwidth,
    call_direction: "in",
    call_quality: inMeeting ? "1_good" : "0_unknown",
    call_tag: "",
    call_uuid: p.id,
    conference: c.name,
    connect_time: p.connectTime,
    conversation_id: p.id,
    destination_alias: p.alias,
    display_name: p.displayName,
    encryption: "On",
    has_media: inMeeting,
    id: p.id,
    idp_uuid: "",
    is_client_muted: false,
    is_direct: false,
    is_disconnect_supported: true,
    is_idp_authenticated: false,
    is_mute_supported: true,
    is_muted: p.role === "guest" && c.guestsMuted,
    is_on_hold: !inMeeting,
    is_presentation_supported: inMeeting,
    is_presenting: false,
    is_recording: false,
    is_streaming: false,
    is_transcribing: false,
    is_transfer_supported: true,
    license_count: inMeeting ? 1 : 0,
    license_type: inMeeting ? "port" : "nolicense",
    media_node: "127.0.0.1",
    parent_id: "",
    participant_alias: p.displayName,
    protocol: p.protocol,
    proxy_node: "",
    remote_address: "127.0.0.1",
    remote_port: 50_000,
    resource_uri: `${STATUS_BASE}/participant/${p.id}/`,
    role: p.role,
    rx_bandwidth: bandwidth,
    service_tag: c.tag,
    service_type: c.serviceType,
    signalling_node: "127.0.0.1",
    source_alias: p.displayName,
    system_location: "Emulator",
    transcoding_enabled: true,
    tx_bandwidth: bandwidth,
    vendor: "Pexip web app emulator",
  };
}

const conferenceSpec: ListSpec<LiveConference> = {
  fields: Object.keys(conferenceStatus(sampleConference())),
  filterable: {
    id: (c) => c.id,
    name: (c) => c.name,
    tag: (c) => c.tag,
    service_type: (c) => c.serviceType,
    is_locked: (c) => String(c.locked),
    is_started: (c) => String(c.startTime !== null),
  },
};

const participantSpec: ListSpec<Call> = {
  fields: Object.keys(
    participantStatus({ participant: sampleParticipant(), conference: sampleConference() }),
  ),
  filterable: {
    id: ({ participant }) => participant.id,
    conference: ({ conference }) => conference.name,
    role: ({ participant }) => participant.role,
    service_tag: ({ conference }) => conference.tag,
    is_on_hold: ({ participant }) => String(participant.held !== null),
  },
};

/** GET on a status list (filtered, paged) and on one of its objects by id. */
function readOnlyRoutes<T>(
  resource: {
    list: RegExp;
    detail: RegExp;
    spec: ListSpec<T>;
    render: (item: T) => unknown;
  },
  items: () => T[],
  find: (id: string) => T | undefined,
): Route[] {
  const { spec, render } = resource;
  const query = (url: URL) =>
    normalizeBooleanFilters(url.searchParams, ["is_locked", "is_started", "is_on_hold"]);
  return [
    {
      method: "GET",
      path: resource.list,
      handle: (req) => {
        const result = applyFilters(items(), query(req.url), spec);
        return result.ok ? paginate(result.items, req.url, render) : result.reply;
      },
    },
    {
      method: "GET",
      path: resource.detail,
      handle: (_req, { id }) => {
        const found = find(id ?? "");
        return found ? json(200, render(found)) : empty(404);
      },
    },
  ];
}

/** `/api/admin/status/v1/conference/` and `…/participant/`: lists and single objects, GET only. */
export function statusRoutes(live: LiveConferences): Route[] {
  const conferences = {
    ...statusPaths("conference"),
    spec: conferenceSpec,
    render: conferenceStatus,
  };
  const calls = { ...statusPaths("participant"), spec: participantSpec, render: participantStatus };
  return [
    ...readOnlyRoutes(
      conferences,
      () => live.all(),
      (id) => live.conference(id),
    ),
    ...readOnlyRoutes(
      calls,
      () => live.participants(),
      (id) => live.participant(id),
    ),
  ];
}

function sampleConference(): LiveConference {
  return {
    id: "",
    configId: 0,
    name: "",
    tag: "",
    serviceType: "conference",
    startTime: null,
    locked: false,
    guestsMuted: false,
    lastHostLeftAt: null,
    participants: new Map(),
  };
}

function sampleParticipant(): LiveParticipant {
  return {
    id: "",
    conferenceId: "",
    role: "guest",
    displayName: "",
    alias: "",
    protocol: "WebRTC",
    connectTime: "",
    held: null,
  };
}
