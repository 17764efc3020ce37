import { useEffect, useState } from "react";
import type { MeetingTypeView } from "../../shared/contract";
import { afterPaint } from "../after-paint";
import { mark } from "../marks";
import type { PaneController } from "../hooks/usePane";
import { ChangeTypePanel } from "./ChangeTypePanel";
import { LinkSharing } from "./LinkSharing";
import { MeetingActions } from "./MeetingActions";
import { MeetingSummary } from "./MeetingSummary";
import { RemoveDialog } from "./RemoveDialog";
import type { FocusRefs } from "./useFocusTargets";
import { WaitingRoom } from "./WaitingRoom";
import type { RoomApi } from "../api/room";

export interface BookedViewProps {
  pane: PaneController;
  type: MeetingTypeView | null;
  refs: FocusRefs;
  /** The waiting room's API (Väntrum); without it the section is not shown. */
  room?: RoomApi;
}

/** Meeting exists: what it is, Starta möte / Välj om mötestyp / Ta bort möte, and the links. */
export function BookedView({ pane, type, refs, room }: BookedViewProps) {
  const { state } = pane;
  const booking = state.booking;
  // The meeting and its buttons first; the longer link guidance a frame later.
  const [showLinks, setShowLinks] = useState(false);
  useEffect(() => {
    mark("ready");
    return afterPaint(() => setShowLinks(true));
  }, []);
  if (!booking) return null;
  const busy = state.busy !== null;
  return (
    <>
      <MeetingSummary
        booking={booking}
        type={type}
        seriesEndDate={state.facts?.recurrence ? state.facts.recurrence.endDate : undefined}
        headingRef={refs.bookedHeading}
      />
      <MeetingActions
        busy={busy}
        onStart={pane.start}
        onChangeType={state.view === "changeType" ? pane.backToSummary : pane.beginChangeType}
        onRemove={pane.requestRemove}
        changeTypeRef={refs.changeTypeButton}
        removeRef={refs.removeButton}
      />
      {state.view === "changeType" && (
        <ChangeTypePanel
          types={state.types}
          current={booking.type}
          selected={state.selectedType}
          onSelect={pane.select}
          onConfirm={pane.confirmChangeType}
          onCancel={pane.backToSummary}
          busy={busy}
          pickerRef={refs.typePicker}
        />
      )}
      {room && booking.state === "active" && (
        <WaitingRoom
          key={`${booking.id}:${booking.join.url}`}
          api={room}
          bookingRef={state.ref}
          busy={busy}
          onStart={pane.start}
        />
      )}
      {showLinks && <LinkSharing booking={booking} type={type} />}
      {/* A native modal <dialog>: unmounting it never leaves the pane inert. */}
      <RemoveDialog
        open={state.view === "confirmRemove"}
        onConfirm={pane.confirmRemove}
        onCancel={pane.backToSummary}
      />
    </>
  );
}
