import { Spinner } from "@fluentui/react-components";
import { Suspense } from "react";
import type { Environment } from "../environment";
import { useReadOrganizer } from "../hooks/useReadOrganizer";
import { useI18n } from "../i18n/context";
import type { ReadAppointment } from "../office/ports";
import { AttendeePane } from "./AttendeePane";
import { LoadFailed } from "./LoadFailed";
import { LazyReadBookedView } from "./lazy";

export interface ReadOrganizerPaneProps {
  env: Environment;
  appointment: ReadAppointment;
}

/**
 * The organizer's own appointment opened in the read form: once it names a booking, the
 * organizer's view of it (Starta möte, Väntrum); otherwise what an attendee would see.
 */
export function ReadOrganizerPane({ env, appointment }: ReadOrganizerPaneProps) {
  const { t } = useI18n();
  const { state, retry } = useReadOrganizer(appointment, env.readServices);
  if (state.phase === "loading") return <Spinner size="small" label={t("loading")} />;
  if (state.phase === "none")
    return <AttendeePane appointment={appointment} joinHosts={env.joinHosts} />;
  if (state.phase === "failed") {
    return <LoadFailed message={t(state.error)} onRetry={retry} />;
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
