// The only place the pane waits for Office.js. Outside Outlook (a plain browser) Office.onReady
// still resolves, with host null: the pane then says it must be opened from Outlook.
import type { HostInfo } from "./ports";

function isReadItem(item: Office.Item | undefined): boolean {
  // In the read form the fields are plain values; in compose they are objects with getAsync.
  const start = (item as { start?: unknown } | undefined)?.start;
  return start instanceof Date || typeof start === "string";
}

export async function officeReady(search: string = location.search): Promise<HostInfo> {
  const wantsAttendee = new URLSearchParams(search).get("mode") === "attendee";
  if (typeof Office === "undefined") {
    return {
      inOutlook: false,
      displayLanguage: navigator.language,
      mode: "organizer",
      userEmail: "",
    };
  }
  const info = await Office.onReady();
  const outlook = info.host === Office.HostType.Outlook;
  const mailbox = outlook ? Office.context?.mailbox : undefined;
  const item = mailbox?.item ?? undefined;
  return {
    // Without an item (a pane opened outside an appointment) there is nothing to book.
    inOutlook: Boolean(item),
    displayLanguage: (outlook && Office.context?.displayLanguage) || navigator.language,
    mode: wantsAttendee || isReadItem(item) ? "attendee" : "organizer",
    userEmail: mailbox?.userProfile?.emailAddress ?? "",
  };
}
