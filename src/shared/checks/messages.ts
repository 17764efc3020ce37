// The checks' words: one catalogue for the pane (title over text) and the send check (the same
// title and text as one sentence), so both say the same thing with the same numbers.
import type { LimitFinding } from "./participants";
import type { OutsideFinding } from "./outside-attendees";
import type { TimeFinding } from "./times";

export type CheckFinding = TimeFinding | LimitFinding | OutsideFinding;
export type CheckLang = "sv" | "en";

export interface CheckMessage {
  title: string;
  text: string;
}

function list(addresses: readonly string[], lang: CheckLang): string {
  const shown = addresses.slice(0, 3).join(", ");
  const more = addresses.length - 3;
  if (more <= 0) return shown;
  return lang === "sv" ? `${shown} och ${more} till` : `${shown} and ${more} more`;
}

const SV = {
  timePast: () => ({ title: "Mötet ligger bakåt i tiden", text: "Ändra Start." }),
  endBeforeStart: () => ({
    title: "Mötet slutar innan det börjar",
    text: "Ändra Slut så att mötet slutar efter Start.",
  }),
  overLimit: (f: { count: number; limit: number }) => ({
    title: "För många deltagare",
    text: `Mötet tar högst ${f.limit} deltagare och har ${f.count} med dig. De som ansluter via 1177 räknas också.`,
  }),
  atLimit: (f: { count: number; limit: number }) => ({
    title: "Ingen plats kvar",
    text: `Mötet har ${f.count} deltagare med dig, lika många som det tar. De som ansluter via 1177 räknas också.`,
  }),
  outsideInternal: (f: { addresses: string[] }) => ({
    title: "Deltagare utanför organisationen",
    text: `Ett internt möte är bara för deltagare inom organisationen: ${list(f.addresses, "sv")}. Ta bort dem ur deltagarlistan, eller använd en mötestyp för möten med externa deltagare.`,
  }),
  consumerEmail: (f: { addresses: string[] }) => ({
    title: "Privata e-postadresser bland deltagarna",
    text: `Patienter och närstående får länken via 1177, inte via inbjudan i Outlook. Ta bort ${list(f.addresses, "sv")} ur deltagarlistan.`,
  }),
};

const EN: typeof SV = {
  timePast: () => ({ title: "The meeting is in the past", text: "Change Start." }),
  endBeforeStart: () => ({
    title: "The meeting ends before it starts",
    text: "Change End so that the meeting ends after Start.",
  }),
  overLimit: (f) => ({
    title: "Too many participants",
    text: `The meeting takes at most ${f.limit} participants and has ${f.count} with you. Those joining via 1177 count too.`,
  }),
  atLimit: (f) => ({
    title: "No place left",
    text: `The meeting has ${f.count} participants with you, as many as it takes. Those joining via 1177 count too.`,
  }),
  outsideInternal: (f) => ({
    title: "Attendees outside the organisation",
    text: `An internal meeting is for the organisation's staff only: ${list(f.addresses, "en")}. Remove them from the attendees, or use a meeting type for meetings with external attendees.`,
  }),
  consumerEmail: (f) => ({
    title: "Private e-mail addresses among the attendees",
    text: `Patients and relatives get the link via 1177, not via the Outlook invitation. Remove ${list(f.addresses, "en")} from the attendees.`,
  }),
};

export function checkMessage(lang: CheckLang, finding: CheckFinding): CheckMessage {
  const words = lang === "sv" ? SV : EN;
  switch (finding.kind) {
    case "timePast":
    case "endBeforeStart":
      return words[finding.kind]();
    case "overLimit":
    case "atLimit":
      return words[finding.kind](finding);
    case "outsideInternal":
    case "consumerEmail":
      return words[finding.kind](finding);
  }
}

/** Title and text as one sentence, for the send check: "Mötet ligger bakåt i tiden. Ändra Start." */
export function checkSentence(lang: CheckLang, finding: CheckFinding): string {
  const { title, text } = checkMessage(lang, finding);
  return `${title}. ${text}`;
}
