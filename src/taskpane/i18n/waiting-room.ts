// The Väntrum section's words, kept beside the section (it arrives in the booked view's chunk).
// Swedish from the seed's wording: the patient waits in the lobby until the host lets them in
// ("Släpp in"); "Starta möte" is the pane's own button word.
import type { Locale } from "../../shared/contract";

const sv = {
  heading: "Väntrum",
  loading: "Hämtar väntrummet …",
  nobodyWaiting: "Ingen väntar",
  patientWaiting: "Patienten väntar",
  patientWaitingFor: "Patienten väntar sedan {minutes} min",
  patientWaitingJustNow: "Patienten väntar sedan mindre än 1 min",
  severalWaiting: "{count} väntar",
  severalWaitingFor: "{count} väntar, längst sedan {minutes} min",
  inProgress: "Mötet pågår ({count} av {limit})",
  inProgressNoLimit: "Mötet pågår ({count} deltagare)",
  ended: "Mötet är avslutat",
  patient: "Patient {n}",
  waitedFor: "väntar sedan {minutes} min",
  waitedJustNow: "väntar sedan mindre än 1 min",
  admit: "Släpp in",
  admitWho: "Släpp in {who}",
  admitAll: "Släpp in alla",
  admitted: "{who} är insläppt.",
  admittedAll: "Alla som väntade är insläppta.",
  admitFailed: "Det gick inte att släppa in. Försök igen.",
  admitGone: "Den som väntade har redan lämnat eller släppts in.",
  unavailable: "Väntrummet går inte att visa just nu. Försöker igen …",
  refused: "Väntrummet kan inte visas för den här bokningen.",
  teams: "Lobbyn i Teams-möten hanteras i Teams.",
  waitingList: "Väntar på att släppas in",
};

export type RoomWords = typeof sv;

const en: RoomWords = {
  heading: "Waiting room",
  loading: "Loading the waiting room …",
  nobodyWaiting: "Nobody is waiting",
  patientWaiting: "The patient is waiting",
  patientWaitingFor: "The patient has been waiting for {minutes} min",
  patientWaitingJustNow: "The patient has been waiting for less than 1 min",
  severalWaiting: "{count} are waiting",
  severalWaitingFor: "{count} are waiting, the longest for {minutes} min",
  inProgress: "The meeting is in progress ({count} of {limit})",
  inProgressNoLimit: "The meeting is in progress ({count} participants)",
  ended: "The meeting has ended",
  patient: "Patient {n}",
  waitedFor: "waiting for {minutes} min",
  waitedJustNow: "waiting for less than 1 min",
  admit: "Let in",
  admitWho: "Let {who} in",
  admitAll: "Let everyone in",
  admitted: "{who} has been let in.",
  admittedAll: "Everyone who was waiting has been let in.",
  admitFailed: "Could not let them in. Try again.",
  admitGone: "The person waiting has already left or been let in.",
  unavailable: "The waiting room cannot be shown right now. Trying again …",
  refused: "The waiting room cannot be shown for this booking.",
  teams: "The lobby of a Teams meeting is handled in Teams.",
  waitingList: "Waiting to be let in",
};

export const ROOM_WORDS: Record<Locale, RoomWords> = { sv, en };

export function roomWords(locale: Locale) {
  const words = ROOM_WORDS[locale];
  return (key: keyof RoomWords, values: Record<string, string | number> = {}): string =>
    words[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in values ? String(values[name]) : whole,
    );
}
