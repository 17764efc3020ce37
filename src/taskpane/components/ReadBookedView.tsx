import { Body1, Button, makeStyles, tokens } from "@fluentui/react-components";
import { Video20Regular } from "@fluentui/react-icons/svg/video";
import { useCallback, useRef, useState } from "react";
import type { Booking, MeetingTypeView } from "../../shared/contract";
import { useI18n } from "../i18n/context";
import type { MessageKey } from "../i18n";
import { messageFor } from "../model/errors";
import { loadEngine } from "../model/load-engine";
import type { ReadServices } from "../model/services";
import type { BookingRef } from "../office/ports";
import { LinkSharing } from "./LinkSharing";
import { MeetingSummary } from "./MeetingSummary";
import { WaitingRoom } from "./WaitingRoom";

export interface ReadBookedViewProps {
  services: ReadServices;
  bookingRef: BookingRef;
  booking: Booking;
  type: MeetingTypeView | null;
}

const useStyles = makeStyles({
  root: { display: "grid", rowGap: tokens.spacingVerticalL },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/**
 * The organizer's booked meeting in the read form: what it is, Starta möte and Väntrum. Changing
 * the type or removing the meeting writes to the item, which only the compose form can.
 */
export function ReadBookedView({ services, bookingRef, booking, type }: ReadBookedViewProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<MessageKey | null>(null);
  const start = useCallback(() => {
    setBusy(true);
    setStatus("starting");
    loadEngine()
      .then((engine) => engine.startMeeting(services, bookingRef))
      .then(
        () => setStatus("started"),
        (error: unknown) => setStatus(messageFor(error)),
      )
      .finally(() => setBusy(false));
  }, [services, bookingRef]);
  return (
    <div className={styles.root}>
      <MeetingSummary
        booking={booking}
        type={type}
        seriesEndDate={undefined}
        headingRef={heading}
      />
      <div className={styles.row}>
        <Button
          appearance="primary"
          icon={<Video20Regular />}
          disabledFocusable={busy}
          onClick={start}
        >
          {t("startMeeting")}
        </Button>
      </div>
      <Body1 as="p" role="status">
        {status === null ? "" : t(status)}
      </Body1>
      {booking.state === "active" && (
        <WaitingRoom
          key={`${booking.id}:${booking.join.url}`}
          api={services.api}
          bookingRef={bookingRef}
          busy={busy}
          onStart={start}
        />
      )}
      <LinkSharing booking={booking} type={type} />
    </div>
  );
}
