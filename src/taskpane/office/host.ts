// The only place the pane waits for Office.js. Outside Outlook (a plain browser) Office.onReady
// still resolves, with host null: the pane then says it must be opened from Outlook.
import type { HostInfo } from "./ports";

function isReadItem(item: Office.Item | undefined): boolean {
  // In the read form the fields are plain values; in compose they are objects with getAsync.
  const start = (item as { start?: unknown } | undefined)?.start;
  return start instanceof Date || typeof start === "string";
}

/** Outlook gives no "am I the organizer" flag in the read form: compare the addresses. */
function organisedBy(item: Office.Item | undefined, userEmail: string): boolean {
  const organizer = (item as { organizer?: unknown } | undefined)?.organizer;
  const address = (organizer as { emailAddress?: unknown } | undefined)?.emailAddress;
  return (
    typeof address === "string" &&
    userEmail !== "" &&
    address.toLowerCase() === userEmail.toLowerCase()
  );
}

export async function officeReady(search: string = location.search): Promise<HostInfo> {
  const wantsAttendee = new URLSearchParams(search).get("mode") === "attendee";
  if (typeof Office === "undefined") {
    return {
      inOutlook: false,
      displayLanguage: navigator.language,
      mode: "organizer",
      form: "compose",
      userEmail: "",
    };
  }
  const info = await Office.onReady();
  const outlook = info.host === Office.HostType.Outlook;
  const mailbox = outlook ? Office.context?.mailbox : undefined;
  const item = mailbox?.item ?? undefined;
  const userEmail = mailbox?.userProfile?.emailAddress ?? "";
  const read = wantsAttendee || isReadItem(item);
  return {
    // Without an item (a pane opened outside an appointment) there is nothing to book.
    inOutlook: Boolean(item),
    displayLanguage: (outlook && Office.context?.displayLanguage) || navigator.language,
    mode: !read || organisedBy(item, userEmail) ? "organizer" : "attendee",
    form: read ? "read" : "compose",
    userEmail,
  };
}
