// The waiting room of a booked meeting: who waits, who is in, and "Släpp in". Authorised like
// every booking operation (the manageKey; the same 403 for an unknown booking). Display names
// come from the video service's answer and go into the view being built, nowhere else.
import {
  type AdmitRequest,
  type AdmitResponse,
  type RoomView,
  getMeetingType,
  type MeetingTypeId,
} from "../../shared";
import type { Logger } from "pino";
import type { BookingRow } from "../db/tables";
import { AppError } from "../errors";
import { parseRef } from "../bookings/booking.mapper";
import type { BookingDeps } from "../bookings/deps";
import { findProvider } from "../providers/registry";
import { authorize } from "../bookings/manage-booking";
import type { ProviderRef, RoomCall, VideoProvider } from "../providers/video-provider";
import type { RoomHub, RoomPoll } from "./room-hub";
import type { RoomIdFor } from "./room-ids";
import { buildRoomView, endedRoomView } from "./room-view";

/** What a stream sends: a view, or word that the video service did not answer this time. */
export type RoomEvent = { kind: "view"; view: RoomView } | { kind: "unavailable" };

export interface RoomWatch {
  /** A view that will not change (Teams, a removed booking): no stream needed. */
  final: RoomView | null;
  /** Every poll's view until the returned function is called (only when `final` is null). */
  subscribe(listener: (event: RoomEvent) => void): () => void;
}

export interface RoomService {
  view(id: string, manageKey: string | undefined): Promise<RoomView>;
  /** Authorises, then hands out a subscription to the room's polls. */
  watch(id: string, manageKey: string | undefined): Promise<RoomWatch>;
  admit(id: string, manageKey: string | undefined, request: AdmitRequest): Promise<AdmitResponse>;
}

export interface RoomDeps {
  bookings: BookingDeps;
  /** Counts and ids only: never a call's display name. */
  log: Pick<Logger, "debug" | "info">;
  hub: RoomHub;
  idFor: RoomIdFor;
}

type Live = {
  kind: "live";
  key: string;
  ref: ProviderRef;
  provider: VideoProvider & Required<Pick<VideoProvider, "roomCalls" | "admitCalls">>;
  poll: () => Promise<RoomCall[]>;
  toView: (poll: RoomPoll & { ok: true }) => RoomView;
};
type Settled = { kind: "final"; view: RoomView };

export function createRoomService(deps: RoomDeps): RoomService {
  const { bookings, hub } = deps;

  function settingsOf(row: BookingRow) {
    const type = getMeetingType(bookings.policy, row.type as MeetingTypeId);
    const limit = type?.participantLimit ?? null;
    const names = type?.service === "pexip" ? type.pexip.waitingRoomNames : "initials";
    return { limit, names } as const;
  }

  async function open(id: string, manageKey: string | undefined): Promise<Live | Settled> {
    const row = await authorize(bookings, id, manageKey);
    if (row.service === "teams") return { kind: "final", view: { handledBy: "teams" } };
    const { limit, names } = settingsOf(row);
    const ref = parseRef(row.provider_ref);
    const now = bookings.clock().getTime();
    if (row.lifecycle === "removed" || !ref)
      return { kind: "final", view: endedRoomView(limit, names, now) };
    const provider = findProvider(bookings.providers, ref.service);
    if (!provider?.roomCalls || !provider.admitCalls)
      throw new AppError("provider_unavailable", `no waiting room for ${ref.service}`);
    const live = provider as Live["provider"];
    const over = Date.parse(row.series_end_at ?? row.end_at);
    return {
      kind: "live",
      // The remote meeting, not the booking: a type change gives the booking a new VMR.
      key: `${ref.service}:${ref.externalId}`,
      ref,
      provider: live,
      poll: async () => {
        const calls = await live.roomCalls(ref);
        deps.log.debug(
          {
            bookingId: row.id,
            calls: calls.length,
            waiting: calls.filter((c) => c.waiting).length,
          },
          "waiting room polled",
        );
        return calls;
      },
      toView: (poll) =>
        buildRoomView({
          calls: poll.calls,
          at: poll.at,
          limit,
          names,
          over: poll.at > over,
          idFor: (callId) => deps.idFor(row.id, callId),
        }),
    };
  }

  return {
    async view(id, manageKey) {
      const room = await open(id, manageKey);
      if (room.kind === "final") return room.view;
      const poll = await hub.next(room.key, room.poll);
      if (!poll.ok) throw poll.error;
      return room.toView(poll);
    },

    async watch(id, manageKey) {
      const room = await open(id, manageKey);
      if (room.kind === "final") return { final: room.view, subscribe: () => () => {} };
      return {
        final: null,
        subscribe: (listener) =>
          hub.watch(room.key, room.poll, (poll) =>
            listener(poll.ok ? { kind: "view", view: room.toView(poll) } : { kind: "unavailable" }),
          ),
      };
    },

    async admit(id, manageKey, request) {
      const room = await open(id, manageKey);
      if (room.kind === "final")
        throw new AppError("conflict", "this meeting has no waiting room to admit from");
      const current = await hub.currentCalls(room.key, room.poll);
      if (!current.ok) throw current.error;
      const waiting = current.calls.filter((call) => call.waiting);
      const targets =
        "all" in request
          ? waiting
          : waiting.filter((call) => deps.idFor(id, call.callId) === request.participantId);
      if (!("all" in request) && targets.length === 0)
        throw new AppError("not_found", "that participant is not waiting");
      const admitted = await room.provider.admitCalls(
        room.ref,
        targets.map((call) => call.callId),
      );
      deps.log.info({ bookingId: id, admitted }, "waiting room: admitted");
      return { admitted };
    },
  };
}
