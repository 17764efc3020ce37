// What the send check needs besides the item's text to judge names: who is staff (the organizer
// and the attendees, by display name) and which words the user said are not a name.
import { CUSTOM_PROPERTY_NOT_NAMES, parseNotNames } from "../shared/contract/not-names";
import { officeCall, supports, type ComposeItem } from "./office-event";

function names(list: readonly (Office.EmailAddressDetails | null | undefined)[]): string[] {
  return list.flatMap((entry) =>
    [entry?.displayName, entry?.emailAddress].filter(
      (value): value is string => typeof value === "string" && value.trim() !== "",
    ),
  );
}

/** Display names and addresses of the organizer and the attendees (ScanOptions' bounds kept). */
export async function readStaffNames(item: ComposeItem): Promise<string[]> {
  const [required, optional, organizer] = await Promise.all([
    officeCall<Office.EmailAddressDetails[]>((cb) => item.requiredAttendees.getAsync(cb)),
    officeCall<Office.EmailAddressDetails[]>((cb) => item.optionalAttendees.getAsync(cb)),
    supports("1.7") && item.organizer
      ? officeCall<Office.EmailAddressDetails>((cb) => item.organizer.getAsync(cb)).catch(
          () => null,
        )
      : Promise.resolve(null),
  ]);
  const profile = Office.context.mailbox?.userProfile;
  const user = profile
    ? ({
        displayName: profile.displayName,
        emailAddress: profile.emailAddress,
      } as Office.EmailAddressDetails)
    : null;
  return names([organizer, user, ...(required ?? []), ...(optional ?? [])])
    .map((name) => name.slice(0, 256))
    .slice(0, 1000);
}

export function readNotNames(props: Office.CustomProperties): string[] {
  return parseNotNames(props.get(CUSTOM_PROPERTY_NOT_NAMES));
}
