// The last sign-in fallback: a same-origin dialog page that runs MSAL itself and
// hands the access token back with messageParent. The pane accepts that message only from its
// own origin (dialog-origin.ts).
import { readDialogMessage } from "./dialog-origin";
import { supports } from "./requirements";

/** True when the client can open an Office dialog at all (DialogApi 1.1). */
export function canOpenDialog(): boolean {
  return supports("DialogApi", "1.1");
}

/** A desired size in pixels as the percentages of the screen the dialog API takes. */
function percent(pixels: number, screenPixels: number): number {
  return Math.max(20, Math.min(100, Math.ceil((pixels / Math.max(screenPixels, 1)) * 100)));
}

/**
 * Opens `url` (same origin as the pane) in an Office dialog and resolves with the message the
 * page sends with `Office.context.ui.messageParent`. Rejects when the user closes the dialog or
 * a message arrives from another origin.
 */
export function openDialog(url: string): Promise<unknown> {
  const ownOrigin = window.location.origin;
  return new Promise((resolve, reject) => {
    Office.context.ui.displayDialogAsync(
      url,
      { width: percent(480, window.screen.width), height: percent(640, window.screen.height) },
      (result) => {
        if (result.status === Office.AsyncResultStatus.Failed) {
          reject(new Error(`dialog failed to open: ${result.error.message}`));
          return;
        }
        const dialog = result.value;
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, (args) => {
          const reading = readDialogMessage(
            args as { message?: unknown; origin?: unknown },
            ownOrigin,
          );
          // A page of another origin in the dialog is ignored: our own page may still answer.
          if (!reading.ok && reading.foreign) return;
          dialog.close();
          if (reading.ok) resolve(reading.value);
          else reject(new Error(`sign-in dialog: ${reading.reason}`));
        });
        dialog.addEventHandler(Office.EventType.DialogEventReceived, (args) => {
          dialog.close();
          const code = (args as { error?: number }).error;
          reject(new Error(`sign-in dialog closed (${code ?? "no code"})`));
        });
      },
    );
  });
}

/** Used by the dialog page: sends its result to the pane and lets Office close the dialog. */
export function messageParent(message: unknown): void {
  Office.context.ui.messageParent(JSON.stringify({ parse: false, value: message }));
}
