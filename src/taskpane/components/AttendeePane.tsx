import { Body1, Link, Spinner, Subtitle1, makeStyles, tokens } from "@fluentui/react-components";
import { useAttendee } from "../hooks/useAttendee";
import { useI18n } from "../i18n/context";
import type { ReadAppointment } from "../office/ports";

export interface AttendeePaneProps {
  appointment: ReadAppointment;
  /** The region's join hosts (client-config): only a link to one of them gets a button. */
  joinHosts: () => Promise<readonly string[]>;
}

const useStyles = makeStyles({
  root: { display: "grid", rowGap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  join: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

/** What an attendee can use: the join link, and nothing else. */
export function AttendeePane({ appointment, joinHosts }: AttendeePaneProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const view = useAttendee(appointment, joinHosts);
  if (view.phase === "loading") return <Spinner size="small" label={t("loading")} />;
  if (view.phase === "failed") return <Body1 role="alert">{t("errItem")}</Body1>;
  if (view.foreignLink) return <Body1 role="alert">{t("attendeeForeignLink")}</Body1>;
  if (view.joinUrl === null) return <Body1 role="status">{t("attendeeNone")}</Body1>;
  return (
    <section className={styles.root} aria-labelledby="attendee-heading">
      <Subtitle1 as="h2" id="attendee-heading" className={styles.heading}>
        {t("attendeeHeading")}
      </Subtitle1>
      <Link className={styles.join} href={view.joinUrl} target="_blank" rel="noopener noreferrer">
        {t("attendeeJoin")}
      </Link>
      <Body1>{t("attendeeLobby")}</Body1>
    </section>
  );
}
