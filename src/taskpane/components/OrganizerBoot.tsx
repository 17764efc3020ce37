import { Body1, Button, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import type { Environment } from "../environment";
import { useServices } from "../hooks/useServices";
import { useI18n } from "../i18n/context";
import { OrganizerPane } from "./OrganizerPane";

export interface OrganizerBootProps {
  env: Environment;
}

const useStyles = makeStyles({
  failed: { display: "grid", rowGap: tokens.spacingVerticalS, justifyItems: "start" },
});

/** Reaches the service (client config, sign-in) before the organizer's pane can start. */
export function OrganizerBoot({ env }: OrganizerBootProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const { state, retry } = useServices(env);
  if (state.phase === "loading") return <Spinner size="small" label={t("loading")} />;
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
  return <OrganizerPane services={state.services} />;
}
