// The smallest Office.js host that lets a page start: Outlook with a display language. The
// harness's full fake of the mailbox API replaces it for the flow tests.
export function minimalOfficeJs(displayLanguage: string): string {
  return `window.Office = {
    HostType: { Outlook: "Outlook" },
    context: { displayLanguage: ${JSON.stringify(displayLanguage)} },
    onReady: function (cb) { var info = { host: "Outlook", platform: "OfficeOnline" }; if (cb) cb(info); return Promise.resolve(info); },
    actions: { associate: function () {} }
  };`;
}
