import { MAX_LOCATION_LENGTH } from "../../../shared/invitation";

// Outlook's Location is one line shared with whatever the user typed (a room, "Mottagning 3").
// Like other meeting providers we append our text after "; " and later remove only our part.
const SEPARATOR = "; ";

function segments(location: string): string[] {
  return location
    .split(";")
    .map((segment) => segment.trim())
    .filter((segment) => segment !== "");
}

function isOurs(segment: string, ours: readonly string[], joinUrl: string | undefined): boolean {
  if (ours.some((text) => text.trim() !== "" && segment === text.trim())) return true;
  return joinUrl !== undefined && joinUrl !== "" && segment.includes(joinUrl);
}

/**
 * Removes our part(s) of the Location: segments equal to a text we wrote or carrying our join
 * link. Everything the user typed stays, in order.
 */
export function removeOurLocation(
  current: string,
  ours: readonly string[],
  joinUrl?: string,
): string {
  const kept = segments(current).filter((segment) => !isOurs(segment, ours, joinUrl));
  return kept.join(SEPARATOR);
}

/**
 * The Location with `next` as our part: earlier texts of ours (`previous`, or any segment with
 * `joinUrl`) replaced, the user's room kept first. When Outlook's 255-character limit would be
 * exceeded our part is left out: the join link is in the body anyway.
 */
export function withOurLocation(
  current: string,
  next: string,
  previous: readonly string[] = [],
  joinUrl?: string,
): string {
  const user = removeOurLocation(current, [...previous, next], joinUrl);
  const combined = user === "" ? next : `${user}${SEPARATOR}${next}`;
  return combined.length <= MAX_LOCATION_LENGTH ? combined : user;
}
