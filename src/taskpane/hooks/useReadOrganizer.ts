// The organizer's pane in the read form: the booking named by the organizer's copy of the item,
// fetched with the manageKey. No booking (or one the service no longer knows) means there is
// nothing to manage here, and the pane shows what an attendee would see.
import { useCallback, useEffect, useState } from "react";
import type { Booking, MeetingTypeView } from "../../shared/contract";
import { isServiceError } from "../api/service-error";
import type { MessageKey } from "../i18n";
import { messageFor } from "../model/errors";
import type { ReadServices } from "../model/services";
import type { BookingRef, ReadAppointment } from "../office/ports";

export type ReadOrganizerState =
  | { phase: "loading" }
  | { phase: "none" }
  | { phase: "failed"; error: MessageKey }
  | {
      phase: "ready";
      services: ReadServices;
      ref: BookingRef;
      booking: Booking;
      type: MeetingTypeView | null;
    };

async function loadBooked(
  appointment: ReadAppointment,
  services: () => Promise<ReadServices>,
): Promise<ReadOrganizerState> {
  const ref = await appointment.loadBookingRef();
  if (ref === null) return { phase: "none" };
  const ready = await services();
  const [types, meeting] = await Promise.all([
    ready.api.getMeetingTypes(),
    ready.api.getMeeting(ref, ready.locale).catch((error: unknown) => {
      if (isServiceError(error) && (error.code === "not_found" || error.code === "forbidden"))
        return null;
      throw error;
    }),
  ]);
  if (meeting === null || meeting.booking.state !== "active") return { phase: "none" };
  const { booking } = meeting;
  const type = types.types.find((candidate) => candidate.id === booking.type) ?? null;
  return { phase: "ready", services: ready, ref, booking, type };
}

export function useReadOrganizer(
  appointment: ReadAppointment,
  services: () => Promise<ReadServices>,
): { state: ReadOrganizerState; retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<ReadOrganizerState>({ phase: "loading" });
  useEffect(() => {
    let live = true;
    loadBooked(appointment, services).then(
      (next) => live && setState(next),
      (error: unknown) => live && setState({ phase: "failed", error: messageFor(error) }),
    );
    return () => {
      live = false;
    };
  }, [appointment, services, attempt]);
  const retry = useCallback(() => {
    setState({ phase: "loading" });
    setAttempt((n) => n + 1);
  }, []);
  return { state, retry };
}
