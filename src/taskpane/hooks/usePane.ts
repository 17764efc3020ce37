import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef } from "react";
import type { BookingSnapshot, Invitation } from "../../shared/contract";
import { snapshotOf } from "../model/snapshot";
import { windowMatches } from "../../shared/contract";
import { afterPaint } from "../after-paint";
import { mark } from "../marks";
import { messageFor } from "../model/errors";
import { loadPane } from "../model/flows/load";
import {
  type BusyAction,
  type PaneAction,
  type PaneState,
  initialPaneState,
  paneReducer,
} from "../model/pane-state";
import type { PaneServices } from "../model/services";
import { type CreateBlock, type Warning, computeWarnings, createBlock } from "../model/warnings";
import { useAppointmentFacts } from "./useAppointmentFacts";
import { type PaneActions, usePaneActions } from "./usePaneActions";

/** What the views get: the pane's state and warnings, and the actions (times follow by themselves). */
export interface PaneController extends Omit<PaneActions, "updateTimes"> {
  state: PaneState;
  warnings: Warning[];
  /** Why Skapa möte is off now (shown under the button), or null. */
  createBlock: CreateBlock | null;
  reload: () => void;
  dismiss: () => void;
}

/** The organizer pane: load, keep the appointment's facts fresh, run the flows. */
export function usePane(services: PaneServices): PaneController {
  const [state, dispatch] = useReducer(paneReducer, initialPaneState);
  const stateRef = useRef<PaneState>(state);
  useLayoutEffect(() => {
    stateRef.current = state;
  });
  // undefined: not fetched yet; null: there is none.
  const otherTextRef = useRef<string | null | undefined>(undefined);
  const refresh = useAppointmentFacts({ services, stateRef, dispatch, otherTextRef });

  const preloadUsed = useRef(false);
  useEffect(() => {
    if (state.phase !== "loading") return;
    let live = true;
    const first = !preloadUsed.current && services.preloaded;
    preloadUsed.current = true;
    (first || loadPane(services)).then(
      (loaded) => {
        if (!live) return;
        mark("types");
        const action: PaneAction = {
          type: "loaded",
          types: loaded.types.types,
          defaultType: loaded.types.defaultType,
          ref: loaded.ref,
          booking: loaded.booking,
          invitation: loaded.invitation,
          resumed: loaded.resumed === true,
        };
        dispatch(action);
      },
      (error: unknown) => {
        if (live) dispatch({ type: "loadFailed", error: messageFor(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [services, state.phase]);

  // The block may have been written in the other language: fetch that text once per booking.
  const bookingId = state.booking?.id ?? null;
  const bookingType = state.booking?.type ?? null;
  useEffect(() => {
    otherTextRef.current = undefined;
    const ref = stateRef.current.ref;
    if (bookingId === null || ref === null) return;
    let live = true;
    const other = services.locale === "sv" ? "en" : "sv";
    const cancel = afterPaint(() =>
      services.api.getMeeting(ref, other).then(
        (meeting) => {
          if (!live) return;
          otherTextRef.current = meeting.invitation.text;
          refresh();
        },
        () => {
          if (live) otherTextRef.current = null;
        },
      ),
    );
    return () => {
      live = false;
      cancel();
    };
  }, [services, bookingId, bookingType, refresh]);

  // After the frame that shows the pane (or an action's result) is painted: the warnings' reads
  // and their code never hold up what the user waits for.
  useEffect(() => afterPaint(refresh), [refresh, state.phase, state.booking, state.busy]);

  const actions = usePaneActions(services, stateRef, dispatch);

  // The launch-event handlers judge a send from the snapshot in the item's custom properties:
  // keep it in step with the booking. A block the pane has not rewritten since it was loaded
  // keeps its stored fingerprint (it may be in the other language than this pane's).
  const written = useRef<{
    key: string;
    snapshot: BookingSnapshot | null;
    loaded: Invitation | null;
  }>({
    key: "",
    snapshot: null,
    loaded: null,
  });
  useEffect(() => {
    const { booking, invitation, ref, types, phase } = state;
    if (phase !== "ready" || !booking || !invitation || !ref) return;
    if (written.current.key === "") {
      written.current = { key: "-", snapshot: ref.snapshot ?? null, loaded: invitation };
    }
    const previous = written.current.snapshot;
    const next = snapshotOf(
      booking,
      invitation,
      types.find((t) => t.id === booking.type),
      services.config.organisationDomains,
      services.config.consumerEmailDomains,
    );
    if (previous && invitation === written.current.loaded && previous.joinUrl === next.joinUrl) {
      next.blockDigest = previous.blockDigest;
    }
    const key = JSON.stringify(next);
    if (key === written.current.key) return;
    written.current = { ...written.current, key, snapshot: next };
    services.appointment.saveSnapshot(next).catch(() => {
      written.current = { ...written.current, key: "-" };
    });
  }, [state, services]);

  // Times changed in the form (event or poll): the booking follows. A window that failed is not
  // retried by itself; the message offers "Försök igen".
  const failedWindow = useRef<string | null>(null);
  const formWindow = state.facts?.window ?? null;
  const windowKey = formWindow ? JSON.stringify(formWindow) : null;
  useEffect(() => {
    const current = stateRef.current;
    if (!formWindow || !current.booking || current.busy || current.phase !== "ready") return;
    if (windowMatches(current.booking, formWindow) || failedWindow.current === windowKey) return;
    void actions.updateTimes().then((ok) => {
      failedWindow.current = ok ? null : windowKey;
    });
  }, [formWindow, windowKey, state.booking, state.busy, actions]);

  const selectedType =
    state.types.find((t) => t.id === (state.booking?.type ?? state.selectedType)) ?? null;
  const warnings = useMemo(
    () =>
      state.facts
        ? computeWarnings({
            facts: state.facts,
            type: selectedType,
            consumerDomains: services.config.consumerEmailDomains,
            organisationDomains: services.config.organisationDomains,
            userEmail: services.userEmail,
            booked: state.booking !== null,
            // Read when the facts change (the form polls): a meeting slipping into the past
            // while the pane sits open untouched is caught by the service and by Skicka.
            now: new Date(),
          })
        : [],
    [state.facts, selectedType, state.booking, services],
  );

  const retry = useCallback(
    (action: BusyAction) => {
      if (action === "updateTimes") failedWindow.current = null;
      actions.retry(action);
    },
    [actions],
  );

  return {
    state,
    warnings,
    createBlock: createBlock(warnings),
    ...actions,
    retry,
    reload: () => dispatch({ type: "reload" }),
    dismiss: () => dispatch({ type: "dismiss" }),
  };
}
