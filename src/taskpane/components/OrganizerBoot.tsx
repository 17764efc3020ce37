import { Spinner } from "@fluentui/react-components";
import type { Environment } from "../environment";
import { useServices } from "../hooks/useServices";
import { useI18n } from "../i18n/context";
import { LoadFailed } from "./LoadFailed";
import { OrganizerPane } from "./OrganizerPane";

export interface OrganizerBootProps {
  env: Environment;
}

/** Reaches the service (client config, sign-in) before the organizer's pane can start. */
export function OrganizerBoot({ env }: OrganizerBootProps) {
  const { t } = useI18n();
  const { state, retry } = useServices(env);
  if (state.phase === "loading") return <Spinner size="small" label={t("loading")} />;
  if (state.phase === "failed") {
    return <LoadFailed message={t(state.error)} onRetry={retry} />;
  }
  return <OrganizerPane services={state.services} />;
}
