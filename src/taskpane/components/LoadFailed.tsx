import { Body1, Button, makeStyles, tokens } from "@fluentui/react-components";
import { useI18n } from "../i18n/context";

export interface LoadFailedProps {
  /** The already translated reason, announced as an alert. */
  message: string;
  onRetry: () => void;
}

const useStyles = makeStyles({
  failed: { display: "grid", rowGap: tokens.spacingVerticalS, justifyItems: "start" },
});

/** What a pane shows when what it needs from the service did not arrive: the reason and "Försök igen". */
export function LoadFailed({ message, onRetry }: LoadFailedProps) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <div className={styles.failed}>
      <Body1 role="alert">{message}</Body1>
      <Button appearance="primary" onClick={onRetry}>
        {t("retry")}
      </Button>
    </div>
  );
}
