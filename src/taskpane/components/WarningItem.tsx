import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { MessageKey } from "../i18n";
import { useI18n } from "../i18n/context";
import type { PersonalDataItem, Warning } from "../model/warnings";
import { presentWarning, type WarningHandlers } from "./warning-presentation";

export type { WarningHandlers };

export interface WarningItemProps extends WarningHandlers {
  warning: Warning;
}

const useStyles = makeStyles({
  bar: { alignItems: "start" },
  list: { margin: `${tokens.spacingVerticalXS} 0 0 0`, paddingLeft: tokens.spacingHorizontalL },
  text: { display: "block", whiteSpace: "normal" },
});

const FIELD: Record<PersonalDataItem["field"], MessageKey> = {
  subject: "fieldSubject",
  location: "fieldLocation",
  body: "fieldBody",
};

const KIND: Record<PersonalDataItem["kind"], MessageKey> = {
  personnummer: "kindPersonnummer",
  samordningsnummer: "kindSamordningsnummer",
  reservnummer: "kindReservnummer",
  phone: "kindPhone",
  email: "kindEmail",
  address: "kindAddress",
  name: "kindName",
};

/** One warning, with the action that fixes it where the pane can fix it. */
export function WarningItem({ warning, ...handlers }: WarningItemProps) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const shown = presentWarning(warning, t, locale, handlers);
  return (
    <MessageBar intent={shown.intent} layout="multiline" className={styles.bar}>
      <MessageBarBody>
        <MessageBarTitle>{shown.title}</MessageBarTitle>
        <span className={styles.text}>{shown.text}</span>
        {warning.kind === "personalData" && (
          <ul className={styles.list}>
            {warning.items.map((item, index) => (
              <li key={`${item.field}-${index}`}>
                {t("personalDataItem", {
                  field: t(FIELD[item.field]),
                  kind: t(KIND[item.kind]),
                  match: item.masked,
                })}
              </li>
            ))}
          </ul>
        )}
      </MessageBarBody>
      {shown.action && (
        <MessageBarActions>
          <Button
            appearance="primary"
            size="small"
            disabledFocusable={handlers.busy}
            onClick={shown.action.onClick}
          >
            {shown.action.label}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
