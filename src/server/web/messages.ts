// The words the pane shows for each error (Swedish first: the staff's language). Fixed texts
// only: a message never carries a detail from inside the service.
import type { ErrorCode, Locale } from "../../shared";

export const ERROR_MESSAGES: Record<ErrorCode, Record<Locale, string>> = {
  validation_failed: {
    sv: "Förfrågan är felaktig och kunde inte behandlas.",
    en: "The request is invalid and could not be processed.",
  },
  unauthorized: {
    sv: "Du behöver logga in igen.",
    en: "You need to sign in again.",
  },
  forbidden: {
    sv: "Du har inte behörighet att hantera det här mötet.",
    en: "You are not allowed to manage this meeting.",
  },
  not_found: { sv: "Det som efterfrågades finns inte.", en: "What was asked for does not exist." },
  conflict: {
    sv: "Mötet ändras just nu eller är redan borttaget. Försök igen om en stund.",
    en: "The meeting is being changed right now or was already removed. Try again shortly.",
  },
  idempotency_conflict: {
    sv: "Förfrågan upprepades med andra uppgifter. Ladda om och försök igen.",
    en: "The request was repeated with different details. Reload and try again.",
  },
  policy_violation: {
    sv: "Mötet uppfyller inte regionens regler för mötestyper.",
    en: "The meeting does not meet the region's rules for meeting types.",
  },
  quota_exceeded: {
    sv: "Du har redan så många kommande bokningar som regionen tillåter. Ta bort möten du inte längre behöver och försök igen.",
    en: "You already hold as many upcoming bookings as the region allows. Remove meetings you no longer need and try again.",
  },
  rate_limited: {
    sv: "För många förfrågningar. Vänta en stund och försök igen.",
    en: "Too many requests. Wait a moment and try again.",
  },
  provider_unavailable: {
    sv: "Videotjänsten svarar inte just nu. Försök igen om en stund.",
    en: "The video service is not answering right now. Try again shortly.",
  },
  provider_timeout: {
    sv: "Videotjänsten svarade inte i tid. Försök igen.",
    en: "The video service did not answer in time. Try again.",
  },
  provider_rejected: {
    sv: "Videotjänsten avvisade förfrågan. Kontakta IT-support om felet kvarstår.",
    en: "The video service refused the request. Contact IT support if it persists.",
  },
  provider_not_authorized: {
    sv: "Bokningstjänsten har inte behörighet hos videotjänsten. Kontakta IT-support.",
    en: "The booking service is not authorised at the video service. Contact IT support.",
  },
  service_unavailable: {
    sv: "Bokningstjänsten är tillfälligt otillgänglig. Försök igen om en stund.",
    en: "The booking service is briefly unavailable. Try again shortly.",
  },
  internal: {
    sv: "Något gick fel i bokningstjänsten. Försök igen.",
    en: "Something went wrong in the booking service. Try again.",
  },
};

/** Swedish unless the client prefers English (Accept-Language, q-values honoured). */
export function pickLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return "sv";
  let best: { locale: Locale; q: number } | null = null;
  for (const part of acceptLanguage.split(",")) {
    const [tag = "", ...params] = part.trim().toLowerCase().split(";");
    const qParam = params.find((p) => p.trim().startsWith("q="));
    const q = qParam ? Number(qParam.trim().slice(2)) : 1;
    const locale: Locale | null = tag.startsWith("sv") ? "sv" : tag.startsWith("en") ? "en" : null;
    if (locale && Number.isFinite(q) && q > 0 && (!best || q > best.q)) best = { locale, q };
  }
  return best?.locale ?? "sv";
}

/**
 * The request schema's own checks of a meeting window, in words the caller can act on (the
 * schema's English messages are fixed texts, never input, so they can be looked up here).
 */
export const WINDOW_MESSAGES: Record<string, Record<Locale, string>> = {
  "a meeting may last at most 24 hours": {
    sv: "Ett möte får vara högst 24 timmar långt. Korta mötet eller dela upp det.",
    en: "A meeting may last at most 24 hours. Shorten it or split it up.",
  },
  "end must be after start": {
    sv: "Mötets sluttid måste vara efter starttiden.",
    en: "The meeting's end must be after its start.",
  },
  "seriesEnd must not be before end": {
    sv: "Mötesseriens slutdatum får inte vara före det första mötets slut.",
    en: "The series' end must not be before the first meeting's end.",
  },
};
