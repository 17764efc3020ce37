// Office.context.ui (basic): displayDialogAsync opens the page in a popup window (a same-origin
// .html page goes through /harness/ so it gets this fake too), messageParent in the dialog
// reaches the opener's DialogMessageReceived handler, and closing the window raises 12006.
import { fail, ok } from "../store/errors";
import { argumentException, asyncArgs } from "./async";
import type { FakeContext } from "./context";
import { EventType } from "./enums";

type Handler = (args: unknown) => void;
interface DialogWindow extends Window {
  __svmDialogMessage?: (message: string, origin: string) => void;
}

export function createUi(ctx: FakeContext, win: DialogWindow | undefined) {
  let open: Window | null = null;
  return {
    displayDialogAsync(startAddress: unknown, ...rest: unknown[]): void {
      if (typeof startAddress !== "string")
        throw argumentException("startAddress", "displayDialogAsync");
      const args = asyncArgs<unknown>(rest, "displayDialogAsync");
      ctx.queue.run(args, () => {
        if (!win) return fail("DialogBlocked");
        if (open && !open.closed) return fail("DialogAlreadyOpen");
        const url = new URL(startAddress, win.location.href);
        const sameOrigin = url.origin === win.location.origin;
        const path =
          sameOrigin && url.pathname.endsWith(".html") && !url.pathname.startsWith("/harness/")
            ? `/harness${url.pathname}${url.search}`
            : url.href;
        const width = Number(args.options.width ?? 40);
        const height = Number(args.options.height ?? 60);
        const popup = win.open(
          path,
          "svm-dialog",
          `popup,width=${Math.round((screen.width * width) / 100)},height=${Math.round((screen.height * height) / 100)}`,
        );
        if (!popup) return fail("DialogBlocked");
        open = popup;
        return ok(dialogFor(ctx, win, popup, () => (open = null)));
      });
    },
    /** In the dialog: the opener's DialogMessageReceived handler gets the message. */
    messageParent(message: unknown): void {
      const opener = win?.opener as DialogWindow | null | undefined;
      opener?.__svmDialogMessage?.(String(message), win?.location.origin ?? "");
    },
    closeContainer(): void {
      win?.close();
    },
  };
}

function dialogFor(ctx: FakeContext, win: DialogWindow, popup: Window, onClosed: () => void) {
  const handlers = new Map<string, Handler>();
  const emit = (type: string, args: Record<string, unknown>) => {
    const handler = handlers.get(type);
    if (handler) ctx.queue.later(() => handler({ type, ...args }));
  };
  win.__svmDialogMessage = (message, origin) =>
    emit(EventType.DialogMessageReceived, { message, origin });
  let closedByAddin = false;
  const watch = setInterval(() => {
    if (!popup.closed) return;
    clearInterval(watch);
    onClosed();
    if (!closedByAddin) emit(EventType.DialogEventReceived, { error: 12006 });
  }, 250);
  return {
    addEventHandler(eventType: unknown, handler: unknown): void {
      if (typeof eventType !== "string" || typeof handler !== "function")
        throw argumentException("handler", "dialog.addEventHandler");
      handlers.set(eventType, handler as Handler);
    },
    close(): void {
      closedByAddin = true;
      popup.close();
    },
    messageChild(message: unknown): void {
      popup.postMessage(String(message), win.location.origin);
    },
  };
}
