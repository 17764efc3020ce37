import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowSwap20Regular } from "@fluentui/react-icons/svg/arrow-swap";
import { Delete20Regular } from "@fluentui/react-icons/svg/delete";
import { Video20Regular } from "@fluentui/react-icons/svg/video";
import type { Ref } from "react";
import { useI18n } from "../i18n/context";

export interface MeetingActionsProps {
  busy: boolean;
  onStart: () => void;
  onChangeType: () => void;
  onRemove: () => void;
  changeTypeRef: Ref<HTMLButtonElement>;
  removeRef: Ref<HTMLButtonElement>;
}

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** Starta möte, Välj om mötestyp, Ta bort möte. */
export function MeetingActions({
  busy,
  onStart,
  onChangeType,
  onRemove,
  changeTypeRef,
  removeRef,
}: MeetingActionsProps) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <div className={styles.row}>
      <Button
        appearance="primary"
        icon={<Video20Regular />}
        disabledFocusable={busy}
        onClick={onStart}
      >
        {t("startMeeting")}
      </Button>
      <Button
        ref={changeTypeRef}
        icon={<ArrowSwap20Regular />}
        disabledFocusable={busy}
        onClick={onChangeType}
      >
        {t("changeType")}
      </Button>
      <Button
        ref={removeRef}
        icon={<Delete20Regular />}
        disabledFocusable={busy}
        onClick={onRemove}
      >
        {t("removeMeeting")}
      </Button>
    </div>
  );
}
