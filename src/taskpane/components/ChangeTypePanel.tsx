import { Body1, Button, makeStyles, tokens } from "@fluentui/react-components";
import type { Ref } from "react";
import type { MeetingTypeId, MeetingTypeView } from "../../shared/contract";
import { useI18n } from "../i18n/context";
import { TypePicker } from "./TypePicker";

export interface ChangeTypePanelProps {
  types: MeetingTypeView[];
  current: MeetingTypeId;
  selected: MeetingTypeId | null;
  onSelect: (id: MeetingTypeId) => void;
  onConfirm: () => void;
  onCancel: () => void;
  busy: boolean;
  pickerRef: Ref<HTMLDivElement>;
}

const useStyles = makeStyles({
  root: {
    display: "grid",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/**
 * Välj om mötestyp: the picker again; the new meeting replaces the old block in place. The
 * confirm button keeps the one verb and names the type ("Välj om till Internt möte utan patient"),
 * so it is never a second button called "Välj om mötestyp".
 */
export function ChangeTypePanel(props: ChangeTypePanelProps) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const unchanged = props.selected === props.current;
  const chosenId = props.selected ?? props.current;
  const chosen = props.types.find((type) => type.id === chosenId)?.label[locale] ?? chosenId;
  return (
    <div className={styles.root}>
      <TypePicker
        types={props.types}
        selected={props.selected}
        onSelect={props.onSelect}
        disabled={props.busy}
        heading={t("changeType")}
        headingLevel="h3"
        groupRef={props.pickerRef}
      />
      <Body1>{t("changeTypeNote")}</Body1>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabledFocusable={props.busy || unchanged}
          onClick={props.onConfirm}
        >
          {t("changeTypeConfirm", { type: chosen })}
        </Button>
        <Button disabledFocusable={props.busy} onClick={props.onCancel}>
          {t("cancel")}
        </Button>
      </div>
    </div>
  );
}
