import { Button, Spinner, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { Dismiss20Regular } from "@fluentui/react-icons/svg/dismiss";
import type { Ref } from "react";
import type { MessageKey } from "../i18n";
import { useI18n } from "../i18n/context";
import type { BusyAction, StatusMessage } from "../model/pane-state";

export interface StatusAreaProps {
  busy: BusyAction | null;
  status: StatusMessage | null;
  onRetry: (action: BusyAction) => void;
  onDismiss: () => void;
  statusRef: Ref<HTMLDivElement>;
}

const BUSY_TEXT: Record<BusyAction, MessageKey> = {
  create: "creating",
  changeType: "changingType",
  remove: "removing",
  restore: "restoring",
  start: "starting",
  rebookSkype: "rebookingSkype",
  removeOrphan: "working",
  updateTimes: "updatingTimes",
  removeName: "working",
  notName: "working",
};

const useStyles = makeStyles({
  root: { display: "flex", alignItems: "flex-start", columnGap: tokens.spacingHorizontalXS },
  message: {
    flexGrow: 1,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    outlineOffset: tokens.spacingHorizontalXXS,
  },
  // Empty but present: a live region must exist before the text arrives to be announced.
  empty: { padding: 0 },
  success: {
    backgroundColor: tokens.colorPaletteGreenBackground1,
    color: tokens.colorNeutralForeground1,
  },
  error: {
    backgroundColor: tokens.colorPaletteRedBackground1,
    color: tokens.colorNeutralForeground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteRedBorder2}`,
  },
  info: { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground1 },
  actions: { display: "flex", flexShrink: 0, gap: tokens.spacingHorizontalXS },
});

/**
 * The pane's one polite live region: what is happening now, and how the last action ended (with
 * "Försök igen" when trying again can help). Failures receive focus, so they are read at once.
 */
export function StatusArea({ busy, status, onRetry, onDismiss, statusRef }: StatusAreaProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const text = busy
    ? null
    : status
      ? status.retry === "updateTimes" && status.tone === "error"
        ? `${t("timesUpdateFailed")} ${t(status.key, status.values)}`
        : t(status.key, status.values)
      : "";
  const tone = busy ? "info" : (status?.tone ?? null);
  return (
    <div className={styles.root}>
      <div
        ref={statusRef}
        id="pane-status"
        role="status"
        aria-live="polite"
        aria-atomic="true"
        tabIndex={-1}
        className={mergeClasses(styles.message, tone === null ? styles.empty : styles[tone])}
      >
        {busy ? <Spinner size="tiny" labelPosition="after" label={t(BUSY_TEXT[busy])} /> : text}
      </div>
      {!busy && status && (
        <div className={styles.actions}>
          {status.retry && (
            <Button
              size="small"
              appearance="primary"
              onClick={() => status.retry && onRetry(status.retry)}
            >
              {t("retry")}
            </Button>
          )}
          <Button
            size="small"
            appearance="subtle"
            icon={<Dismiss20Regular />}
            aria-label={t("dismiss")}
            onClick={onDismiss}
          />
        </div>
      )}
    </div>
  );
}
