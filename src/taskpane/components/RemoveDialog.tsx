import { Body1, Button, makeStyles, tokens, typographyStyles } from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import { useI18n } from "../i18n/context";

export interface RemoveDialogProps {
  open: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

const useStyles = makeStyles({
  dialog: {
    maxWidth: "min(26rem, calc(100vw - 2rem))",
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    boxShadow: tokens.shadow64,
    "::backdrop": { backgroundColor: tokens.colorBackgroundOverlay },
  },
  title: { ...typographyStyles.subtitle1, margin: `0 0 ${tokens.spacingVerticalS} 0` },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    justifyContent: "flex-end",
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalL,
  },
});

/**
 * Ta bort möte asks first: removing cuts every guest's link. The browser's own modal <dialog>
 * (inert background, Esc to cancel, focus returned on close); Avbryt has focus first, so Enter
 * never removes by accident.
 */
export function RemoveDialog({ open, onConfirm, onCancel }: RemoveDialogProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // showModal focuses the first button; the safe choice goes first instead.
      cancel.current?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="remove-title"
      aria-describedby="remove-text"
      className={styles.dialog}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id="remove-title" className={styles.title}>
        {t("removeConfirmTitle")}
      </h2>
      <Body1 as="p" id="remove-text">
        {t("removeConfirmText")}
      </Body1>
      {open && (
        <div className={styles.actions}>
          <Button appearance="primary" onClick={onConfirm}>
            {t("removeMeeting")}
          </Button>
          <Button ref={cancel} onClick={onCancel}>
            {t("cancel")}
          </Button>
        </div>
      )}
    </dialog>
  );
}
