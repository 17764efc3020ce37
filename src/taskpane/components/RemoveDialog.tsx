import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";
import { useI18n } from "../i18n/context";

export interface RemoveDialogProps {
  open: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Ta bort möte asks first: removing cuts every guest's link. */
export function RemoveDialog({ open, onConfirm, onCancel }: RemoveDialogProps) {
  const { t } = useI18n();
  return (
    <Dialog modalType="alert" open={open} onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t("removeConfirmTitle")}</DialogTitle>
          <DialogContent>{t("removeConfirmText")}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onConfirm}>
              {t("removeMeeting")}
            </Button>
            <Button onClick={onCancel}>{t("cancel")}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
