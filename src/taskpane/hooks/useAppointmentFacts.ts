import { type Dispatch, type RefObject, useCallback, useEffect, useRef } from "react";
import type { BookedContext } from "../model/flows/read-facts";
import { loadEngine } from "../model/load-engine";
import type { PaneAction, PaneState } from "../model/pane-state";
import type { PaneServices } from "../model/services";

/** Subject, Location and body have no change events in Outlook: they are re-read this often. */
export const POLL_MS = 1500;

export interface FactsOptions {
  services: PaneServices;
  stateRef: RefObject<PaneState>;
  dispatch: Dispatch<PaneAction>;
  /** Texts of the booked block in the other language, once fetched. */
  otherTextRef: RefObject<string | null | undefined>;
}

function bookedContext(
  state: PaneState,
  otherText: string | null | undefined,
): BookedContext | null {
  if (!state.booking || !state.invitation) return null;
  return {
    booking: state.booking,
    invitation: state.invitation,
    texts: otherText ? [state.invitation.text, otherText] : [state.invitation.text],
    textsComplete: otherText !== undefined,
  };
}

/**
 * Keeps the warnings' input fresh: reads the appointment after load and every action, when
 * Outlook reports a time, attendee or recurrence change, and on a poll for the rest. Reads never
 * overlap an action that writes the body, and an older read never overwrites a newer one.
 */
export function useAppointmentFacts({
  services,
  stateRef,
  dispatch,
  otherTextRef,
}: FactsOptions): () => void {
  const sequence = useRef(0);

  const refresh = useCallback(() => {
    const state = stateRef.current;
    if (state.phase !== "ready" || state.busy) return;
    const mine = ++sequence.current;
    const booked = bookedContext(state, otherTextRef.current);
    loadEngine()
      .then((engine) =>
        engine.readFacts(services.appointment, booked, services.config.organisationDomains),
      )
      .then(
        (facts) => {
          if (mine === sequence.current && !stateRef.current.busy)
            dispatch({ type: "facts", facts });
        },
        () => {
          // A failed read (the item is closing, a transient Office error) keeps the last facts.
        },
      );
  }, [services, stateRef, dispatch, otherTextRef]);

  useEffect(() => {
    let stop: (() => Promise<void>) | null = null;
    let cancelled = false;
    services.appointment
      .watch(() => refresh())
      .then(
        (unsubscribe) => {
          if (cancelled) void unsubscribe?.();
          else stop = unsubscribe;
        },
        () => {},
      );
    const timer = setInterval(() => {
      if (document.visibilityState !== "hidden") refresh();
    }, POLL_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
      void stop?.();
    };
  }, [services, refresh]);

  return refresh;
}
