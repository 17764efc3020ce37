// The last sign-in fallback (DESIGN §7): a same-origin dialog page that runs MSAL itself and
// hands the access token back with messageParent. office-js-helpers' promise wrapper of the
// dialog API is loaded only here, on this path, so it never weighs on the pane's first load.
import { supports } from "./requirements";

/** True when the client can open an Office dialog at all (DialogApi 1.1). */
export function canOpenDialog(): boolean {
  return supports("DialogApi", "1.1");
}

/**
 * Opens `url` (same origin as the pane) in an Office dialog and resolves with the message the
 * page sends with `Office.context.ui.messageParent`. Rejects when the user closes the dialog.
 */
export async function openDialog(url: string): Promise<unknown> {
  const { Dialog } = await import(
    /* webpackChunkName: "office-dialog" */ "@microsoft/office-js-helpers"
  );
  // A desired size in pixels; the helper turns it into the screen percentages the API takes.
  const dialog = new Dialog<unknown>(url, 480, 640);
  return dialog.result;
}

/** Used by the dialog page: sends its result to the pane and lets Office close the dialog. */
export function messageParent(message: unknown): void {
  Office.context.ui.messageParent(JSON.stringify({ parse: false, value: message }));
}
