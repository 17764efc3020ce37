import { Body1, Button, Spinner, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { PersonArrowRight20Regular } from "@fluentui/react-icons/svg/person-arrow-right";
import { Video20Regular } from "@fluentui/react-icons/svg/video";
import type { RoomView, WaitingParticipant } from "../../shared/contract";
import type { RoomApi } from "../api/room";
import { useWaitingRoom } from "../hooks/useWaitingRoom";
import { useI18n } from "../i18n/context";
import { roomWords } from "../i18n/waiting-room";
import type { BookingRef } from "../office/ports";

export interface WaitingRoomProps {
  api: RoomApi | undefined;
  bookingRef: BookingRef | null;
  busy: boolean;
  onStart: () => void;
}

const useStyles = makeStyles({
  section: { display: "grid", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  line: { margin: 0 },
  list: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "grid",
    rowGap: tokens.spacingVerticalS,
  },
  item: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
  },
  who: { fontWeight: tokens.fontWeightSemibold },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  // Read by screen readers, not shown: the live region's short announcements.
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
});

type Say = ReturnType<typeof roomWords>;

function minutesOf(participant: WaitingParticipant): number {
  return Math.floor(participant.waitedSeconds / 60);
}

function whoOf(participant: WaitingParticipant, index: number, say: Say): string {
  return participant.displayName ?? participant.initials ?? say("patient", { n: index + 1 });
}

/** The visible status line, with the longest wait in minutes. */
function statusLine(view: RoomView & { handledBy: "service" }, say: Say): string {
  const first = view.waiting[0];
  if (first) {
    const minutes = minutesOf(first);
    if (view.waiting.length > 1)
      return say("severalWaitingFor", { count: view.waiting.length, minutes });
    return minutes < 1 ? say("patientWaitingJustNow") : say("patientWaitingFor", { minutes });
  }
  if (view.state === "ended") return say("ended");
  return say("nobodyWaiting");
}

/** "Mötet pågår (2 av 15)" while anyone is in the meeting. */
function meetingLine(view: RoomView & { handledBy: "service" }, say: Say): string | null {
  const count = view.counts.guests + view.counts.hosts;
  if (count === 0) return null;
  const limit = view.counts.limit;
  return limit === null ? say("inProgressNoLimit", { count }) : say("inProgress", { count, limit });
}

/**
 * The live region's text: what changed, without the minutes (a screen reader should hear that a
 * patient arrived or was let in, not every minute that passes).
 */
function announcement(view: RoomView & { handledBy: "service" }, say: Say): string {
  const waiting = view.waiting.length;
  const parts = [
    waiting === 0
      ? say("nobodyWaiting")
      : waiting === 1
        ? say("patientWaiting")
        : say("severalWaiting", { count: waiting }),
  ];
  const meeting = meetingLine(view, say);
  if (meeting) parts.push(meeting);
  return parts.join(". ");
}

/**
 * Väntrum: who waits to be let in and who is in the meeting, live while the pane is open, with
 * "Släpp in" per waiting guest and "Starta möte" beside. Teams meetings get one line: their
 * lobby is handled in Teams.
 */
export function WaitingRoom({ api, bookingRef, busy, onStart }: WaitingRoomProps) {
  const styles = useStyles();
  const { locale } = useI18n();
  const say = roomWords(locale);
  const room = useWaitingRoom(api, bookingRef);
  const { view } = room;
  const live = view?.handledBy === "service" ? view : null;
  const notice =
    room.notice.kind === null ? "" : say(room.notice.kind, { who: room.notice.who ?? "" });

  return (
    <section
      className={styles.section}
      aria-labelledby="waiting-room-heading"
      data-testid="waiting-room"
    >
      <Subtitle2 as="h3" id="waiting-room-heading" className={styles.heading}>
        {say("heading")}
      </Subtitle2>
      <p role="status" className={styles.hidden}>
        {live ? announcement(live, say) : ""}
      </p>
      {view === null && !room.unavailable && !room.refused && (
        <Spinner size="extra-small" label={say("loading")} labelPosition="after" />
      )}
      {view?.handledBy === "teams" && (
        <Body1 as="p" className={styles.line}>
          {say("teams")}
        </Body1>
      )}
      {live && (
        <>
          <Body1 as="p" className={styles.line}>
            {statusLine(live, say)}
          </Body1>
          {meetingLine(live, say) && (
            <Body1 as="p" className={styles.line}>
              {meetingLine(live, say)}
            </Body1>
          )}
          {live.waiting.length > 0 && (
            <>
              <ul className={styles.list} aria-label={say("waitingList")}>
                {live.waiting.map((participant, index) => {
                  const who = whoOf(participant, index, say);
                  const minutes = minutesOf(participant);
                  return (
                    <li key={participant.id} className={styles.item}>
                      <span>
                        <span className={styles.who}>{who}</span>{" "}
                        {minutes < 1 ? say("waitedJustNow") : say("waitedFor", { minutes })}
                      </span>
                      <Button
                        size="small"
                        icon={<PersonArrowRight20Regular />}
                        aria-label={say("admitWho", { who })}
                        disabledFocusable={room.admitting.has(participant.id)}
                        onClick={() => room.admit(participant.id, who)}
                      >
                        {say("admit")}
                      </Button>
                    </li>
                  );
                })}
              </ul>
              <div className={styles.row}>
                <StartButton busy={busy} onStart={onStart} />
                {live.waiting.length > 1 && (
                  <Button disabledFocusable={room.admitting.size > 0} onClick={room.admitAll}>
                    {say("admitAll")}
                  </Button>
                )}
              </div>
            </>
          )}
        </>
      )}
      {room.unavailable && !room.refused && (
        <Body1 as="p" className={styles.line}>
          {say("unavailable")}
        </Body1>
      )}
      {room.refused && (
        <Body1 as="p" className={styles.line}>
          {say("refused")}
        </Body1>
      )}
      <p role="status" className={styles.hidden}>
        {notice}
      </p>
      {notice !== "" && (
        <Body1 as="p" className={styles.line} aria-hidden="true">
          {notice}
        </Body1>
      )}
    </section>
  );
}

function StartButton({ busy, onStart }: { busy: boolean; onStart: () => void }) {
  const { t } = useI18n();
  return (
    <Button icon={<Video20Regular />} disabledFocusable={busy} onClick={onStart}>
      {t("startMeeting")}
    </Button>
  );
}
