// The only place the pane waits for Office.js. Outside Outlook (a plain browser) Office.onReady
// still resolves, with host null: the pane then says it must be opened from Outlook.

export interface HostInfo {
  /** True when Outlook (or the harness's fake host) is running the pane. */
  inOutlook: boolean;
  /** Outlook's UI language, e.g. "sv-SE"; drives the pane's language. */
  displayLanguage: string;
}

export async function officeReady(): Promise<HostInfo> {
  if (typeof Office === "undefined")
    return { inOutlook: false, displayLanguage: navigator.language };
  const info = await Office.onReady();
  const inOutlook = info.host === Office.HostType.Outlook;
  return {
    inOutlook,
    displayLanguage: (inOutlook && Office.context.displayLanguage) || navigator.language,
  };
}
