import { Body1, Button, makeStyles, tokens } from "@fluentui/react-components";
import { type Ref, useEffect } from "react";
import { mark } from "../marks";
import type { MeetingTypeId, MeetingTypeView } from "../../shared/contract";
import { useI18n } from "../i18n/context";
import type { CreateBlock } from "../model/warnings";
import { TypePicker } from "./TypePicker";

export interface CreatePanelProps {
  types: MeetingTypeView[];
  selected: MeetingTypeId | null;
  onSelect: (id: MeetingTypeId) => void;
  onCreate: () => void;
  busy: boolean;
  /** Why Skapa möte is off, said under the button; null when it is on. */
  block: CreateBlock | null;
  pickerRef: Ref<HTMLDivElement>;
}

const useStyles = makeStyles({
  root: { display: "grid", rowGap: tokens.spacingVerticalM },
  blocked: { color: tokens.colorPaletteRedForeground1 },
});

/** No meeting yet: Välj mötestyp → Skapa möte. */
export function CreatePanel({
  types,
  selected,
  onSelect,
  onCreate,
  busy,
  block,
  pickerRef,
}: CreatePanelProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const blocked = block !== null;
  useEffect(() => mark("ready"), []);
  return (
    <div className={styles.root}>
      <TypePicker
        types={types}
        selected={selected}
        onSelect={onSelect}
        disabled={busy}
        heading={t("chooseType")}
        headingLevel="h2"
        groupRef={pickerRef}
      />
      <div>
        <Button
          appearance="primary"
          size="large"
          disabledFocusable={busy || blocked || selected === null}
          aria-describedby={blocked ? "create-blocked" : undefined}
          onClick={onCreate}
        >
          {t("createMeeting")}
        </Button>
      </div>
      {block && (
        <Body1 id="create-blocked" className={styles.blocked}>
          {t(block.kind === "identity" ? "createBlocked" : "createBlockedTime")}
        </Body1>
      )}
    </div>
  );
}
