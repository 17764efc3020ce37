import { useEffect, useState } from "react";
import { loadEngine } from "../model/load-engine";
import type { ReadAppointment } from "../office/ports";

export type AttendeeView =
  | { phase: "loading" }
  | { phase: "ready"; joinUrl: string | null; foreignLink: boolean }
  | { phase: "failed" };

/**
 * The attendee's pane reads the join link from the invitation itself and offers it only when it
 * leads to one of the region's join hosts (from client-config, fetched before sign-in): a
 * forwarded or edited invitation may carry our block with someone else's link.
 */
export function useAttendee(
  appointment: ReadAppointment,
  joinHosts: () => Promise<readonly string[]>,
): AttendeeView {
  const [view, setView] = useState<AttendeeView>({ phase: "loading" });
  useEffect(() => {
    let live = true;
    Promise.all([appointment.getBody(), loadEngine(), joinHosts()]).then(
      ([body, engine, hosts]) => {
        if (!live) return;
        const block = engine.findInvitationBlock(body, { joinHosts: hosts });
        setView({
          phase: "ready",
          joinUrl: block?.joinUrl ?? null,
          foreignLink: block?.foreignLink === true,
        });
      },
      () => live && setView({ phase: "failed" }),
    );
    return () => {
      live = false;
    };
  }, [appointment, joinHosts]);
  return view;
}
