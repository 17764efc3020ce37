import { Body1, Button, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { Suspense } from "react";
import type { Environment } from "../environment";
import { useReadOrganizer } from "../hooks/useReadOrganizer";
import { useI18n } from "../i18n/context";
import type { ReadAppointment } from "../office/ports";
import { AttendeePane } from "./AttendeePane";
import { LazyReadBookedView } from "./lazy";

export interface ReadOrganizerPaneProps {
  env: Environment;
  appointment: ReadAppointment;
}

const useStyles = makeStyles({
  failed: { display: "grid", rowGap: tokens.spacingVerticalS, justifyItems: "start" },
});

/**
 * The organizer's own appointment opened in the read form: once it names a booking, the
 * organizer's view of it (Starta möte, Väntrum); otherwise what an attendee would see.
 */
export function ReadOrganizerPane({ env, appointment }: ReadOrganizerPaneProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const { state, retry } = useReadOrganizer(appointment, env.readServices);
  if (state.phase === "loading") return <Spinner size="small" label={t("loading")} />;
  if (state.phase === "none")
    return <AttendeePane appointment={appointment} joinHosts={env.joinHosts} />;
  if (state.phase === "failed") {
    return (
      <div className={styles.failed}>
        <Body1 role="alert">{t(state.error)}</Body1>
        <Button appearance="primary" onClick={retry}>
          {t("retry")}
        </Button>
      </div>
    );
  }
  return (
    <Suspense fallback={<Spinner size="small" label={t("loadingMeeting")} />}>
      <LazyReadBookedView
        services={state.services}
        bookingRef={state.ref}
        booking={state.booking}
        type={state.type}
      />
    </Suspense>
  );
}
