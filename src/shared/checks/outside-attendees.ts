// Attendees outside the organisation, judged by the meeting type: an internal meeting is for the
// organisation only, so every outside address is worth a look; on the types with a patient a
// private mail address suggests a patient or relative, whose link goes through 1177 instead.
// Addresses are shown masked ("a•••@example.com"), as every other finding.
import type { MeetingTypeId } from "../contract/ids";

const DOT = "\u2022";

export interface DomainLists {
  organisationDomains: readonly string[];
  consumerDomains: readonly string[];
}

export type OutsideFinding =
  { kind: "outsideInternal"; addresses: string[] } | { kind: "consumerEmail"; addresses: string[] };

export function maskAddress(address: string): string {
  const at = address.lastIndexOf("@");
  if (at <= 0) return `${address.slice(0, 1)}${DOT.repeat(3)}`;
  return `${address.slice(0, 1)}${DOT.repeat(3)}${address.slice(at).toLowerCase()}`;
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf("@") + 1).toLowerCase();
}

/** `domain` is one of `domains` or a subdomain of one. */
export function inDomains(address: string, domains: readonly string[]): boolean {
  const domain = domainOf(address);
  return domains.some((d) => {
    const wanted = d.trim().toLowerCase();
    return wanted !== "" && (domain === wanted || domain.endsWith(`.${wanted}`));
  });
}

export function checkOutsideAttendees(
  attendees: readonly string[],
  type: MeetingTypeId,
  organizer: string,
  lists: DomainLists,
): OutsideFinding | null {
  const distinct = [...new Set(attendees.map((a) => a.trim().toLowerCase()))].filter(
    (a) => a !== "" && a !== organizer.trim().toLowerCase(),
  );
  if (type === "internal") {
    const own = [...lists.organisationDomains];
    if (organizer.includes("@")) own.push(domainOf(organizer));
    const outside = distinct.filter((a) => !inDomains(a, own));
    return outside.length > 0
      ? { kind: "outsideInternal", addresses: outside.map(maskAddress) }
      : null;
  }
  const consumers = distinct.filter((a) => inDomains(a, lists.consumerDomains));
  return consumers.length > 0
    ? { kind: "consumerEmail", addresses: consumers.map(maskAddress) }
    : null;
}
