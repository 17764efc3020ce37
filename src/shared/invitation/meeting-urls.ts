import { parseUrl, unwrapSafeLink } from "./urls";

export type OtherMeetingKind = "skype" | "teams" | "zoom" | "webex" | "other";

// Link texts of Skype for Business / Lync invitations (English and Swedish clients). On-premises
// Lync pools use "simple URLs" on the region's own domain, so the words are the only sign.
const SKYPE_PHRASES = [
  "join skype meeting",
  "anslut till skype-möte",
  "anslut till skype-mötet",
  "delta i skype-möte",
  "try skype web app",
  "prova skype web app",
  "join online meeting",
  "anslut till onlinemöte",
  "delta i onlinemöte",
  "skype for business",
  "skype för företag",
];

export function hasSkypePhrase(text: string): boolean {
  const lower = text.toLowerCase();
  return SKYPE_PHRASES.some((phrase) => lower.includes(phrase));
}

function hostIs(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/**
 * Which kind of meeting a join link belongs to, or null for ordinary links (meeting options,
 * help pages, download links). `context` is the link text and its line, for Lync simple URLs.
 */
export function classifyMeetingUrl(rawUrl: string, context = ""): OtherMeetingKind | null {
  return classifyWithHint(rawUrl, hasSkypePhrase(context));
}

/** As `classifyMeetingUrl`, with the Skype words already looked for (once per line, not per link). */
export function classifyWithHint(rawUrl: string, skypeWords: boolean): OtherMeetingKind | null {
  const url = unwrapSafeLink(rawUrl);
  const parts = parseUrl(url);
  if (parts === null || (parts.scheme !== "https" && parts.scheme !== "http")) return null;
  const { host } = parts;
  const path = parts.path.toLowerCase();
  const query = parts.query.toLowerCase();

  if (
    (hostIs(host, "teams.microsoft.com") ||
      hostIs(host, "teams.live.com") ||
      hostIs(host, "teams.microsoft.us")) &&
    (path.startsWith("/l/meetup-join/") || path.startsWith("/meet/"))
  ) {
    return "teams";
  }
  if (hostIs(host, "lync.com") || host === "join.skype.com") return "skype";
  if (host.includes("lync") && path.startsWith("/meet/")) return "skype";
  if (skypeWords && !hostIs(host, "microsoft.com") && !hostIs(host, "office.com")) {
    return "skype";
  }
  if ((hostIs(host, "zoom.us") || hostIs(host, "zoomgov.com")) && /^\/(j|w|my|s|wc)\//.test(path)) {
    return "zoom";
  }
  if (
    hostIs(host, "webex.com") &&
    (path.includes("/j.php") ||
      path.startsWith("/meet/") ||
      path.startsWith("/join/") ||
      path.includes("/wbxmjs/joinservice") ||
      query.includes("mtid="))
  ) {
    return "webex";
  }
  if (
    (host === "meet.google.com" && path.length > 1) ||
    (host === "meet.jit.si" && path.length > 1) ||
    (hostIs(host, "whereby.com") && path.length > 1) ||
    (hostIs(host, "gotomeeting.com") && path.includes("/join")) ||
    (hostIs(host, "gotomeet.me") && path.length > 1) ||
    (hostIs(host, "bluejeans.com") && /^\/\d/.test(path)) ||
    (host === "chime.aws" && /^\/\d/.test(path))
  ) {
    return "other";
  }
  return null;
}

/** Bare URLs in a line of text (plain-text bodies, pasted links), trailing punctuation trimmed. */
export function urlsInText(text: string): string[] {
  const urls: string[] = [];
  let from = 0;
  for (;;) {
    const at = text.indexOf("http", from);
    if (at === -1) break;
    const rest = text.startsWith("https://", at) ? 8 : text.startsWith("http://", at) ? 7 : 0;
    if (rest === 0) {
      from = at + 4;
      continue;
    }
    let end = at + rest;
    while (end < text.length && !" <>\"'\u00a0".includes(text[end] as string)) end++;
    while (end > at + rest && ".,;:)]!?".includes(text[end - 1] as string)) end--;
    urls.push(text.slice(at, end));
    from = end;
  }
  return urls;
}
