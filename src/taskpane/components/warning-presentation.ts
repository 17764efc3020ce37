// A warning's title, text and action in the pane's words. After booking, a warning says what
// still applies: Skapa möte is gone, so no warning may point to it or to choosing a first type.
import type { Locale } from "../../shared/contract";
import { checkMessage, type CheckFinding } from "../../shared/checks/messages";
import type { Translate } from "../i18n";
import type { NameFinding } from "../model/facts";
import type { NameReplacement } from "../model/name-edit";
import type { Warning } from "../model/warnings";

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

export interface Presentation {
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

/** A warning's words (and the action that fixes it), for the booked or not yet booked meeting. */
export function presentWarning(
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
