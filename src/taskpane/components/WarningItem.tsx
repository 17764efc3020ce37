import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { MessageKey, Translate } from "../i18n";
import type { Locale } from "../../shared/contract";
import { useI18n } from "../i18n/context";
import type { PersonalDataItem, Warning } from "../model/warnings";
import { checkMessage, type CheckFinding } from "../../shared/checks/messages";
import type { NameFinding } from "../model/facts";
import type { NameReplacement } from "../model/name-edit";

export interface WarningHandlers {
  busy: boolean;
  booked: boolean;
  typeLabel: (id: string) => string;
  onRestore: () => void;
  onRebookSkype: () => void;
  onRemoveOrphan: () => void;
  onRemoveName: (name: NameFinding, mode: NameReplacement) => void;
  onNotName: (name: NameFinding) => void;
}

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

interface Presentation {
  intent: "error" | "warning" | "info";
  title: string;
  text: string;
  action?: { label: string; onClick: () => void };
}

function checkIntent(finding: CheckFinding): Presentation["intent"] {
  return finding.kind === "overLimit" ||
    finding.kind === "timePast" ||
    finding.kind === "endBeforeStart"
    ? "error"
    : "warning";
}

function present(
  warning: Warning,
  t: Translate,
  locale: Locale,
  handlers: WarningHandlers,
): Presentation {
  switch (warning.kind) {
    case "names":
      // Shown by NameWarning, which has its own actions; this is its plain summary.
      return { intent: "warning", title: t("namesTitle"), text: t("namesText") };
    case "personalData":
      return {
        intent: warning.blocking ? "error" : "warning",
        title: t("personalDataTitle"),
        // After booking Skapa möte is gone: the identity number must still go before sending.
        text: `${t("noPersonalData")} ${t(
          warning.blocking
            ? handlers.booked
              ? "personalDataBlockBooked"
              : "personalDataBlock"
            : "personalDataWarn",
        )}`,
      };
    case "blockMissing":
    case "blockEdited":
      return {
        intent: "error",
        title: t(warning.kind === "blockMissing" ? "blockMissingTitle" : "blockEditedTitle"),
        text: t(warning.kind === "blockMissing" ? "blockMissingText" : "blockEditedText"),
        action: { label: t("restoreBlock"), onClick: handlers.onRestore },
      };
    case "orphanBlock":
      return {
        intent: "warning",
        title: t("orphanTitle"),
        text: t("orphanText"),
        action: { label: t("removeOrphan"), onClick: handlers.onRemoveOrphan },
      };
    case "skype":
      return handlers.booked
        ? { intent: "warning", title: t("skypeTitle"), text: t("skypeBookedText") }
        : {
            intent: "warning",
            title: t("skypeTitle"),
            text: t("skypeText"),
            action: { label: t("rebookSkype"), onClick: handlers.onRebookSkype },
          };
    case "teamsBlock":
      return { intent: "warning", title: t("teamsBlockTitle"), text: t("teamsBlockText") };
    case "otherMeeting":
      return {
        intent: "warning",
        title: t("otherMeetingTitle"),
        text: t("otherMeetingText", { service: warning.service || t("otherMeetingGeneric") }),
      };
    case "check":
      return { intent: checkIntent(warning.finding), ...checkMessage(locale, warning.finding) };
    case "series":
      return {
        intent: "info",
        title: t("seriesTitle"),
        text:
          warning.endDate === null ? `${t("seriesText")} ${t("seriesNoEndText")}` : t("seriesText"),
      };
  }
}

/** One warning, with the action that fixes it where the pane can fix it. */
export function WarningItem({ warning, ...handlers }: WarningItemProps) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const shown = present(warning, t, locale, handlers);
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
