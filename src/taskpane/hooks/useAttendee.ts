import { useEffect, useState } from "react";
import { loadEngine } from "../model/load-engine";
import type { ReadAppointment } from "../office/ports";

export type AttendeeView =
  { phase: "loading" } | { phase: "ready"; joinUrl: string | null } | { phase: "failed" };

/** The attendee's pane reads the join link from the invitation itself: no service call. */
export function useAttendee(appointment: ReadAppointment): AttendeeView {
  const [view, setView] = useState<AttendeeView>({ phase: "loading" });
  useEffect(() => {
    let live = true;
    Promise.all([appointment.getBody(), loadEngine()]).then(
      ([body, engine]) =>
        live &&
        setView({ phase: "ready", joinUrl: engine.findInvitationBlock(body)?.joinUrl ?? null }),
      () => live && setView({ phase: "failed" }),
    );
    return () => {
      live = false;
    };
  }, [appointment]);
  return view;
}
