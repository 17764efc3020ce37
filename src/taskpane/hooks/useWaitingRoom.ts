// The Väntrum section's state: the latest view from the service's event stream (while the pane
// shows the booking), and "Släpp in". The view — display names included, when the policy
// gives them — is kept in React state only, replaced by each new view and gone with the pane.
import { useCallback, useEffect, useState } from "react";
import type { RoomView } from "../../shared/contract";
import type { RoomApi } from "../api/room";
import { isServiceError } from "../api/service-error";
import type { BookingRef } from "../office/ports";

export type RoomNotice = "admitted" | "admittedAll" | "admitFailed" | "admitGone" | null;

export interface WaitingRoomState {
  view: RoomView | null;
  /** The last attempt to reach the room failed; the stream is trying again. */
  unavailable: boolean;
  /** The service refused to show this room (a 403: the key no longer matches). */
  refused: boolean;
  /** Ids being let in right now. */
  admitting: ReadonlySet<string>;
  notice: { kind: RoomNotice; who?: string };
  admit: (participantId: string, who: string) => void;
  admitAll: () => void;
}

const NONE: ReadonlySet<string> = new Set();

export function useWaitingRoom(api: RoomApi | undefined, ref: BookingRef | null): WaitingRoomState {
  const [view, setView] = useState<RoomView | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  const [refused, setRefused] = useState(false);
  const [admitting, setAdmitting] = useState<ReadonlySet<string>>(NONE);
  const [notice, setNotice] = useState<WaitingRoomState["notice"]>({ kind: null });
  const bookingId = ref?.bookingId ?? null;
  const manageKey = ref?.manageKey ?? null;

  useEffect(() => {
    if (!api || bookingId === null || manageKey === null) return;
    // A new booking or key remounts the section (BookedView keys it), so no state to reset here.
    const controller = new AbortController();
    api
      .watchRoom(
        { bookingId, manageKey },
        {
          onView: (next) => {
            setView(next);
            setUnavailable(false);
          },
          onUnavailable: () => setUnavailable(true),
        },
        controller.signal,
      )
      .catch((error: unknown) => {
        if (!controller.signal.aborted)
          (isServiceError(error) && error.status === 403 ? setRefused : setUnavailable)(true);
      });
    return () => controller.abort();
  }, [api, bookingId, manageKey]);

  const run = useCallback(
    (ids: string[], body: Parameters<RoomApi["admit"]>[1], who?: string) => {
      if (!api || bookingId === null || manageKey === null) return;
      setAdmitting((current) => new Set([...current, ...ids]));
      setNotice({ kind: null });
      api
        .admit({ bookingId, manageKey }, body)
        .then(
          () => setNotice({ kind: "participantId" in body ? "admitted" : "admittedAll", who }),
          (error: unknown) =>
            setNotice({
              kind: isServiceError(error) && error.status === 404 ? "admitGone" : "admitFailed",
            }),
        )
        .finally(() =>
          setAdmitting((current) => new Set([...current].filter((id) => !ids.includes(id)))),
        );
    },
    [api, bookingId, manageKey],
  );

  const admit = useCallback(
    (participantId: string, who: string) => run([participantId], { participantId }, who),
    [run],
  );
  const admitAll = useCallback(() => {
    const ids = view?.handledBy === "service" ? view.waiting.map((w) => w.id) : [];
    run(ids, { all: true });
  }, [run, view]);

  return { view, unavailable, refused, admitting, notice, admit, admitAll };
}
