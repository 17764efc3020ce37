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
  const inOutlook = info.host === Office.HostType.Outlook && Boolean(Office.context?.mailbox);
  const item = inOutlook ? Office.context.mailbox.item : undefined;
  return {
    inOutlook: inOutlook && Boolean(item),
    displayLanguage: (inOutlook && Office.context.displayLanguage) || navigator.language,
    mode: wantsAttendee || isReadItem(item ?? undefined) ? "attendee" : "organizer",
    userEmail: (inOutlook && Office.context.mailbox.userProfile?.emailAddress) || "",
  };
}
