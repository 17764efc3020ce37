// What the send check needs besides the item's text to judge names: who is staff (the user, who
// organises what they compose, and the attendees, by display name) and which words the user said
// in the pane are not a name (the appointment state's readNotNames).
import { officeCall, type ComposeItem } from "./office-event";

/** Display names and addresses of the user and the attendees (ScanOptions' bounds kept). */
export async function readStaffNames(item: ComposeItem): Promise<string[]> {
  const lists = await Promise.all([
    officeCall<Office.EmailAddressDetails[]>((cb) => item.requiredAttendees.getAsync(cb)),
    officeCall<Office.EmailAddressDetails[]>((cb) => item.optionalAttendees.getAsync(cb)),
  ]);
  const user = Office.context.mailbox?.userProfile;
  return [user, ...lists.flat()]
    .flatMap((entry) => [entry?.displayName, entry?.emailAddress])
    .filter((value): value is string => !!value?.trim())
    .map((name) => name.slice(0, 256))
    .slice(0, 1000);
}
