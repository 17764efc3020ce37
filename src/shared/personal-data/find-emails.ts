import { isAlnum, isAsciiLower, isAsciiUpper, isDigit, type LowerText } from "./chars";
import { type RawFinding, rawFinding } from "./raw-finding";

const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;

function isLocalChar(code: number): boolean {
  return isAlnum(code) || "._%+-'".includes(String.fromCharCode(code));
}

function isDomainChar(code: number): boolean {
  return isAlnum(code) || code === 45 || code === 46;
}

/** `domain` is one of the organisation's domains or a subdomain of one. */
export function isOrganisationDomain(
  domain: string,
  organisationDomains: readonly string[],
): boolean {
  return organisationDomains.some((org) => {
    const d = org.toLowerCase().replace(/^@/, "").replace(/\.$/, "");
    return domain === d || domain.endsWith(`.${d}`);
  });
}

// How people hide an "@" from harvesters: "anna(at)example.com", "anna[at]example.com".
const OBFUSCATED_AT = ["(at)", "[at]"];

/**
 * E-mail addresses in normalised text, found from each "@" (or "(at)", "[at]") outwards (local part at most 64,
 * domain at most 253 characters, both stop at the next "@", so the work stays linear).
 *
 * Not reported: addresses at the organisation's domains; SIP/H.323 addresses ("sip:…", and
 * all-digit local parts such as a Pexip alias "914123456@vm.example.se", which are video
 * addresses, not mailboxes).
 */
export function findEmails(
  text: string,
  lower: LowerText,
  organisationDomains: readonly string[],
): RawFinding[] {
  const found: RawFinding[] = [];
  // Where the next "@", "(at)" and "[at]" are, each searched again only once passed: linear.
  const next = [-2, -2, -2];
  const needles = ["@", ...OBFUSCATED_AT];
  let width = 1;
  const nextAt = (from: number): number => {
    let best = -1;
    for (let k = 0; k < needles.length; k++) {
      if ((next[k] as number) !== -1 && (next[k] as number) < from) {
        next[k] = text.indexOf(needles[k] as string, from);
      }
      const at = next[k] as number;
      if (at !== -1 && (best === -1 || at < best)) {
        best = at;
        width = (needles[k] as string).length;
      }
    }
    return best;
  };
  let at = nextAt(0);
  let resumeAt = 0;
  while (at !== -1) {
    let start = at;
    while (start > resumeAt && at - start < MAX_LOCAL && isLocalChar(text.charCodeAt(start - 1))) {
      start--;
    }
    while (start < at && text.charCodeAt(start) === 46) start++;
    const domainStart = at + width;
    let end = domainStart;
    let dots = 0;
    while (end < text.length && end - at <= MAX_DOMAIN && isDomainChar(text.charCodeAt(end))) {
      if (text.charCodeAt(end) === 46) dots++;
      end++;
    }
    while (end > domainStart && !isAlnum(text.charCodeAt(end - 1))) end--;
    // Cheap rejections first: "a@a@a@…" must not cost a string per "@".
    const domain = start < at && dots > 0 ? lower.slice(domainStart, end) : "";
    if (domain !== "" && isMailDomain(domain)) {
      if (isMailbox(lower, start, at) && !isOrganisationDomain(domain, organisationDomains)) {
        found.push(rawFinding("email", start, end));
      }
      resumeAt = end;
    }
    at = nextAt(Math.max(at + 1, resumeAt));
  }
  return found;
}

// At least one dot, labels of letters, digits and inner hyphens, and a top-level domain of
// two or more letters.
function isMailDomain(domain: string): boolean {
  const labels = domain.split(".");
  if (labels.length < 2) return false;
  const tld = labels[labels.length - 1] ?? "";
  if (tld.length < 2) return false;
  for (let i = 0; i < tld.length; i++) {
    const code = tld.charCodeAt(i);
    if (!isAsciiLower(code) && !isAsciiUpper(code) && code < 0xc0) return false;
  }
  return labels.every(
    (label) => label.length > 0 && !label.startsWith("-") && !label.endsWith("-"),
  );
}

function isMailbox(lower: LowerText, start: number, at: number): boolean {
  for (const scheme of ["sip:", "sips:", "h323:"]) {
    if (lower.startsWith(scheme, start - scheme.length)) return false;
  }
  for (let i = start; i < at; i++) {
    if (!isDigit(lower.charCodeAt(i))) return true;
  }
  return false;
}
