import { supports } from "./requirements";

/**
 * Opens a URL in the user's browser (Starta möte). Outlook's own API when the client has it
 * (desktop clients block window.open from the task pane), else a new browser tab. The URL is
 * never written anywhere.
 */
export function openInBrowser(url: string): void {
  if (supports("OpenBrowserWindowApi", "1.1")) {
    Office.context.ui.openBrowserWindow(url);
    return;
  }
  window.open(url, "_blank", "noopener,noreferrer");
}
