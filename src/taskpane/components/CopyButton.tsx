import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { Copy20Regular } from "@fluentui/react-icons/svg/copy";
import { useCopy } from "../hooks/useCopy";
import { useI18n } from "../i18n/context";

export interface CopyButtonProps {
  label: string;
  text: string;
}

const useStyles = makeStyles({
  row: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
  failed: { color: tokens.colorPaletteRedForeground1 },
});

/** A copy button with its own polite live region saying whether the copy worked. */
export function CopyButton({ label, text }: CopyButtonProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const { result, copy } = useCopy();
  return (
    <div className={styles.row}>
      <Button icon={<Copy20Regular />} onClick={() => copy(text)}>
        {label}
      </Button>
      <Caption1 role="status" className={result === "failed" ? styles.failed : undefined}>
        {result === "copied" ? t("copied") : result === "failed" ? t("copyFailed") : ""}
      </Caption1>
    </div>
  );
}
