// The launch-event handlers' words, Swedish and English. Smart Alert messages are at most 500
// characters and notifications at most 150 (Outlook's limits); the builders keep to them.
import type { AppointmentField, PersonalDataKind } from "../shared/personal-data";
import { checkSentence, type CheckFinding } from "../shared/checks/messages";

export type Lang = "sv" | "en";

export function langOf(displayLanguage: string): Lang {
  return displayLanguage.toLowerCase().startsWith("sv") ? "sv" : "en";
}

export const SMART_ALERT_MAX = 500;
export const NOTIFICATION_MAX = 150;

const FIELD: Record<Lang, Record<AppointmentField, string>> = {
  sv: { subject: "Ämne", location: "Plats", body: "Brödtext" },
  en: { subject: "Subject", location: "Location", body: "Body" },
};

const KIND: Record<Lang, Record<PersonalDataKind, string>> = {
  sv: {
    personnummer: "personnummer",
    samordningsnummer: "samordningsnummer",
    reservnummer: "reservnummer",
    phone: "telefonnummer",
    email: "e-postadress",
    address: "adress",
    name: "namn",
  },
  en: {
    personnummer: "personal identity number",
    samordningsnummer: "coordination number",
    reservnummer: "reserve number",
    phone: "phone number",
    email: "e-mail address",
    address: "postal address",
    name: "name",
  },
};

export interface Found {
  field: AppointmentField;
  kind: PersonalDataKind;
  masked: string;
}

function list(lang: Lang, found: Found[], max: number): string {
  const items = found
    .slice(0, max)
    .map((f) => `${KIND[lang][f.kind]} ${f.masked} (${FIELD[lang][f.field]})`);
  const more = found.length - max;
  if (more > 0) items.push(lang === "sv" ? `och ${more} till` : `and ${more} more`);
  return items.join(", ");
}

export function identityBlocked(lang: Lang, found: Found[]): string {
  return lang === "sv"
    ? `Ta bort ${list(lang, found, 3)} innan du skickar. Inga personuppgifter får förekomma i mötesinbjudan i Outlook.`
    : `Remove the ${list(lang, found, 3)} before sending. No personal data may appear in the Outlook meeting invitation.`;
}

export function timeNotSynced(lang: Lang): string {
  return lang === "sv"
    ? "Mötestiden har ändrats sedan Skyddat vårdmöte bokades. Öppna Skyddat vårdmöte så uppdateras mötet, och skicka sedan."
    : "The meeting time changed after the protected meeting was booked. Open Skyddat vårdmöte to update the meeting, then send.";
}

export type Warning =
  | { kind: "personal-data"; found: Found[] }
  | { kind: "block-missing" }
  | { kind: "block-edited" }
  | { kind: "block-link-changed" }
  | { kind: "block-other" }
  /** A shared check: the same sentence, numbers included, as the pane's warning. */
  | { kind: "check"; finding: CheckFinding };

/** Each warning as whole sentences, so the shared checks read exactly as in the pane. */
function warningText(lang: Lang, warning: Warning): string {
  const sv = lang === "sv";
  switch (warning.kind) {
    case "personal-data": {
      // A name has a one-click fix in the pane; say where it is.
      const name = warning.found.some((f) => f.kind === "name");
      return sv
        ? `Möjliga personuppgifter: ${list(lang, warning.found, 2)}.${name ? " Ta bort namnet i Skyddat vårdmöte." : ""}`
        : `Possible personal data: ${list(lang, warning.found, 2)}.${name ? " Remove the name in Skyddat vårdmöte." : ""}`;
    }
    case "block-missing":
      return sv
        ? "Mötesinformationen saknas i brödtexten (Återställ mötesinformationen i Skyddat vårdmöte)."
        : "The meeting information is missing from the body (Återställ mötesinformationen in Skyddat vårdmöte).";
    case "block-edited":
      return sv
        ? "Mötesinformationen har ändrats (Återställ mötesinformationen i Skyddat vårdmöte)."
        : "The meeting information was edited (Återställ mötesinformationen in Skyddat vårdmöte).";
    case "block-link-changed":
      return sv
        ? "Länken i mötesinformationen har ändrats och leder inte till mötet (Återställ mötesinformationen i Skyddat vårdmöte)."
        : "The link in the meeting information was changed and does not lead to the meeting (Återställ mötesinformationen in Skyddat vårdmöte).";
    case "block-other":
      return sv
        ? "Brödtexten har mötesinformation från ett annat möte."
        : "The body carries another meeting's information.";
    case "check":
      return checkSentence(lang, warning.finding);
  }
}

export function warnings(lang: Lang, items: Warning[]): string {
  const head = lang === "sv" ? "Kontrollera innan du skickar: " : "Check before sending: ";
  return clip(head + items.map((w) => warningText(lang, w)).join(" "), SMART_ALERT_MAX);
}

/** A check that stops Skicka (times the meeting cannot have), in the pane's words. */
export function checkBlocked(lang: Lang, finding: CheckFinding): string {
  return clip(checkSentence(lang, finding), SMART_ALERT_MAX);
}

export function attendeesOverLimit(
  lang: Lang,
  finding: Extract<CheckFinding, { kind: "overLimit" }>,
): string {
  return clip(checkSentence(lang, finding), NOTIFICATION_MAX);
}

export function timeChangedNotice(lang: Lang): string {
  return lang === "sv"
    ? "Mötestiden har ändrats. Öppna Skyddat vårdmöte så uppdateras mötet."
    : "The meeting time changed. Open Skyddat vårdmöte to update the meeting.";
}

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
