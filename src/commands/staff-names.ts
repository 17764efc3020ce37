// What the send check needs besides the item's text to judge names: who is staff (the user, who
// organises what they compose, and the attendees, by display name). The words the user said in the
// pane are not a name are in the appointment state (readNotNames).

/** Display names and addresses of the user and the attendees (ScanOptions' bounds kept). */
export function staffNamesOf(attendees: Office.EmailAddressDetails[]): string[] {
  const user = Office.context.mailbox?.userProfile;
  return [user, ...attendees]
    .flatMap((entry) => [entry?.displayName, entry?.emailAddress])
    .filter((value): value is string => !!value?.trim())
    .map((name) => name.slice(0, 256))
    .slice(0, 1000);
}
