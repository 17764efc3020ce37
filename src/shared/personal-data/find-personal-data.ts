import { isAlnum, type LowerText, lowerView } from "./chars";
import { followsJoinLabel, followsPhoneLabel } from "./context";
import { type PersonalDataFinding, ScanOptions, severityOf } from "./finding";
import { findAddresses } from "./find-addresses";
import { findEmails } from "./find-emails";
import { findIdentityNumbers } from "./find-identity-numbers";
import { findNames } from "./find-names";
import { findPhoneNumbers } from "./find-phones";
import { normalizeForScan } from "./normalize";
import { type RawFinding } from "./raw-finding";
import { withoutStaffNames } from "./staff-names";
import { resolveOverlaps } from "./resolve-overlaps";
import { findUrlSpans, spanAt, type UrlSpan } from "./urls";

/**
 * Identity numbers in links: a link that carries a personnummer still carries personal data
 * ("…?pnr=191212121212", "…/patient/19121212-1212/", "…/191212121212_journal.pdf"), so one that
 * no letter or digit touches is reported. A bare 10-digit run in a link is not: that is what
 * Pexip aliases, ids and Unix timestamps look like, and our own join links are full of them;
 * outside links the same goes for one labelled as join data or followed by "@" (an alias).
 * Nothing in a SIP address counts (video addresses, not people).
 */
function keepIdentity(finding: RawFinding, url: UrlSpan | null, lower: LowerText): boolean {
  if (!url) {
    if (!finding.bareTenDigits) return true;
    // "1212121212@vmr.example.se": a video address without "sip:" (see findEmails).
    if (lower.charCodeAt(finding.end) === 64) return false;
    const phone = lower.charCodeAt(finding.start) === 48 && followsPhoneLabel(lower, finding.start);
    return !phone && !followsJoinLabel(lower, finding.start);
  }
  if (url.scheme === "sip" || finding.bareTenDigits) return false;
  return !isAlnum(lower.charCodeAt(finding.start - 1)) && !isAlnum(lower.charCodeAt(finding.end));
}

/**
 * Finds personal data in `text` (a subject, a location, or a body after `htmlToText`): Swedish
 * identity numbers (block) and phone numbers, e-mail addresses outside the organisation, postal
 * addresses and names (warn); names of staff (`options.staffNames`) are not reported; with
 * `options.only` "block", identity numbers alone. Sorted by start, never overlapping.
 * Linear in the length of the text.
 *
 * @throws ZodError when `options` is malformed.
 */
export function findPersonalData(text: string, options?: ScanOptions): PersonalDataFinding[] {
  const { organisationDomains = [], staffNames = [], only } = ScanOptions.parse(options ?? {});
  const normal = normalizeForScan(text);
  const lower = lowerView(normal);
  const urls = findUrlSpans(normal);
  const urlAt = (f: RawFinding) => (urls.length === 0 ? null : spanAt(urls, f.start));
  // Most texts have no link; then only identity numbers need a second look (join labels).
  const outsideUrls = (list: RawFinding[]) =>
    urls.length === 0 ? list : list.filter((f) => urlAt(f) === null);

  const identity = findIdentityNumbers(normal).filter(
    (f) => (!f.bareTenDigits && urls.length === 0) || keepIdentity(f, urlAt(f), lower),
  );
  if (only === "block") return resolveOverlaps([identity]).map((f) => toFinding(text, f));
  const phones = outsideUrls(findPhoneNumbers(normal, lower, identity));
  const emails = findEmails(normal, lower, organisationDomains).filter(
    (f) => urlAt(f)?.scheme !== "sip",
  );
  const addresses = outsideUrls(findAddresses(normal, lower));
  const names = withoutStaffNames(normal, outsideUrls(findNames(normal, lower)), staffNames);

  return resolveOverlaps([identity, phones, emails, addresses, names]).map((f) =>
    toFinding(text, f),
  );
}

function toFinding(text: string, f: RawFinding): PersonalDataFinding {
  const match = text.slice(f.start, f.end);
  const severity = severityOf(f.kind);
  if (f.kind === "personnummer" || f.kind === "samordningsnummer") {
    return { kind: f.kind, severity, start: f.start, end: f.end, match, testNumber: f.testNumber };
  }
  return { kind: f.kind, severity, start: f.start, end: f.end, match };
}
