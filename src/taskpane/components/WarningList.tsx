import { Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useI18n } from "../i18n/context";
import type { Warning } from "../model/warnings";
import { type WarningHandlers, WarningItem } from "./WarningItem";
import { NameWarning } from "./NameWarning";

export interface WarningListProps extends WarningHandlers {
  warnings: Warning[];
}

const useStyles = makeStyles({
  root: { display: "grid", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  list: {
    display: "grid",
    rowGap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    listStyleType: "none",
  },
});

/** Everything to fix before the invitation goes out, most serious first. */
export function WarningList({ warnings, ...handlers }: WarningListProps) {
  const styles = useStyles();
  const { t } = useI18n();
  if (warnings.length === 0) return null;
  // "Att åtgärda" heads only something to do: a series notice alone is information.
  const actionable = warnings.some((warning) => warning.kind !== "series");
  return (
    <section
      className={styles.root}
      {...(actionable ? { "aria-labelledby": "warnings-heading" } : {})}
    >
      {actionable && (
        <Subtitle2 as="h2" id="warnings-heading" className={styles.heading}>
          {t("warningsHeading")}
        </Subtitle2>
      )}
      <ul className={styles.list}>
        {warnings.map((warning, index) => (
          <li key={`${warning.kind}-${index}`}>
            {warning.kind === "names" ? (
              <NameWarning
                names={warning.items}
                busy={handlers.busy}
                onRemoveName={handlers.onRemoveName}
                onNotName={handlers.onNotName}
              />
            ) : (
              <WarningItem warning={warning} {...handlers} />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
