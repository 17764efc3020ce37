// Who counts towards a meeting type's participant limit: one definition for the pane, the send
// check and the attendees-changed notice. The organiser takes a place in the room like everyone
// else (Pexip counts the host), so the count is the organiser plus every distinct attendee.

function normalise(address: string): string {
  return address.trim().toLowerCase();
}

/** The organiser plus each distinct required or optional attendee other than the organiser. */
export function countParticipants(attendees: readonly string[], organizer: string): number {
  const me = normalise(organizer);
  const others = new Set(
    attendees.map(normalise).filter((address) => address !== "" && address !== me),
  );
  return others.size + 1;
}

export type LimitFinding =
  | { kind: "overLimit"; count: number; limit: number }
  | { kind: "atLimit"; count: number; limit: number };

/** Over the limit, exactly at it (no place left for one more), or null. */
export function checkParticipantLimit(
  attendees: readonly string[],
  organizer: string,
  limit: number | null,
): LimitFinding | null {
  if (limit === null) return null;
  const count = countParticipants(attendees, organizer);
  if (count > limit) return { kind: "overLimit", count, limit };
  if (count === limit) return { kind: "atLimit", count, limit };
  return null;
}
