import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useId, useState } from "react";
import type { MessageKey } from "../i18n";
import { useI18n } from "../i18n/context";
import type { NameFinding } from "../model/facts";
import type { NameReplacement } from "../model/name-edit";

export interface NameWarningProps {
  names: NameFinding[];
  busy: boolean;
  onRemoveName: (name: NameFinding, mode: NameReplacement) => void;
  onNotName: (name: NameFinding) => void;
}

const FIELD: Record<NameFinding["field"], MessageKey> = {
  subject: "fieldSubject",
  location: "fieldLocation",
  body: "fieldBody",
};

const useStyles = makeStyles({
  bar: { alignItems: "start" },
  body: { display: "grid", rowGap: tokens.spacingVerticalS },
  text: { display: "block", whiteSpace: "normal" },
  list: { display: "grid", rowGap: tokens.spacingVerticalM, margin: 0, padding: 0 },
  item: { listStyleType: "none", display: "grid", rowGap: tokens.spacingVerticalXS },
  excerpt: { overflowWrap: "anywhere" },
  // Not colour alone (WCAG 1.4.1): the name is also bold and underlined; in forced colours the
  // system's own highlight colours are used. The theme's own foreground: the yellow is light in
  // the light theme and dark in the dark one (a fixed dark text failed contrast there).
  mark: {
    backgroundColor: tokens.colorPaletteYellowBackground2,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    textDecorationLine: "underline",
    "@media (forced-colors: active)": { backgroundColor: "Mark", color: "MarkText" },
  },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/**
 * The names the scanner found, each in its sentence with the name marked, and the two ways out:
 * "Ta bort namnet" (initials or nothing, as chosen) and "Det är inte ett namn". A warning only:
 * Skapa möte and Skicka stay possible.
 */
export function NameWarning({ names, busy, onRemoveName, onNotName }: NameWarningProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const [mode, setMode] = useState<NameReplacement>("initials");
  const choiceLabel = useId();
  return (
    <MessageBar intent="warning" layout="multiline" className={styles.bar}>
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>{t("namesTitle")}</MessageBarTitle>
        <span className={styles.text}>{t("namesText")}</span>
        <ul className={styles.list}>
          {names.map((name, index) => (
            <li
              key={`${name.field}-${name.match}-${name.occurrence}-${index}`}
              className={styles.item}
            >
              <span className={styles.excerpt} data-testid="name-excerpt">
                {t("nameExcerpt", { field: t(FIELD[name.field]) })} {name.before}
                <mark className={styles.mark}>{name.match}</mark>
                {name.after}
              </span>
              <span className={styles.actions}>
                <Button
                  size="small"
                  appearance="primary"
                  disabledFocusable={busy}
                  aria-label={`${t("removeName")}: ${name.match}`}
                  onClick={() => onRemoveName(name, mode)}
                >
                  {t("removeName")}
                </Button>
                <Button
                  size="small"
                  disabledFocusable={busy}
                  aria-label={`${t("notName")}: ${name.match}`}
                  onClick={() => onNotName(name)}
                >
                  {t("notName")}
                </Button>
              </span>
            </li>
          ))}
        </ul>
        <span id={choiceLabel} className={styles.text}>
          {t("nameReplaceLabel")}
        </span>
        <RadioGroup
          aria-labelledby={choiceLabel}
          value={mode}
          onChange={(_, data) => setMode(data.value === "remove" ? "remove" : "initials")}
        >
          <Radio value="initials" label={t("nameReplaceInitials")} />
          <Radio value="remove" label={t("nameReplaceNothing")} />
        </RadioGroup>
      </MessageBarBody>
    </MessageBar>
  );
}
