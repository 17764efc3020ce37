// item.notificationMessages (Mailbox 1.3): the info bar above the form. Malformed details throw
// at once (Office.js checks its arguments); a duplicate key, an unknown key or a sixth message
// fail through the AsyncResult.
import { NOTIFICATION_TYPES, type StoredNotification } from "../store/state";
import { ok } from "../store/errors";
import { argumentException, argumentOutOfRange, asyncArgs, copyJson } from "./async";
import type { FakeContext } from "./context";

const MAX_KEY = 32;
const MAX_MESSAGE = 150;

function checkKey(key: unknown, method: string): string {
  if (typeof key !== "string" || key === "") throw argumentException("key", method);
  if (key.length > MAX_KEY) throw argumentOutOfRange("key", method);
  return key;
}

function toNotification(key: string, details: unknown, method: string): StoredNotification {
  if (!details || typeof details !== "object") throw argumentException("jsonMessage", method);
  const { type, message, icon, persistent } = details as Record<string, unknown>;
  const kind = NOTIFICATION_TYPES.find((t) => t === type);
  if (!kind) throw argumentException("type", method);
  if (typeof message !== "string" || message === "") throw argumentException("message", method);
  if (message.length > MAX_MESSAGE) throw argumentOutOfRange("message", method);
  const informational = kind === "informationalMessage" || kind === "insightMessage";
  // Icons and persistence belong to informational messages only; they must carry an icon.
  if (!informational && (icon !== undefined || persistent !== undefined))
    throw argumentException(icon !== undefined ? "icon" : "persistent", method);
  if (informational && (typeof icon !== "string" || icon === ""))
    throw argumentException("icon", method);
  if (persistent !== undefined && typeof persistent !== "boolean")
    throw argumentException("persistent", method);
  return {
    key,
    type: kind,
    message,
    ...(informational ? { icon: icon as string } : {}),
    ...(kind === "informationalMessage" ? { persistent: persistent === true } : {}),
  };
}

export function createNotificationMessages(ctx: FakeContext) {
  const add =
    (method: string, replace: boolean) =>
    (key: unknown, details: unknown, ...rest: unknown[]): void => {
      const note = toNotification(checkKey(key, method), details, method);
      const args = asyncArgs<void>(rest, method);
      ctx.queue.run(args, () => ctx.store.addNotification(note, replace, ctx.session));
    };
  return {
    addAsync: add("notificationMessages.addAsync", false),
    replaceAsync: add("notificationMessages.replaceAsync", true),
    removeAsync(key: unknown, ...rest: unknown[]): void {
      const checked = checkKey(key, "notificationMessages.removeAsync");
      const args = asyncArgs<void>(rest, "notificationMessages.removeAsync");
      ctx.queue.run(args, () => ctx.store.removeNotification(checked, ctx.session));
    },
    getAllAsync(...rest: unknown[]): void {
      const args = asyncArgs<StoredNotification[]>(rest, "notificationMessages.getAllAsync");
      ctx.queue.run(args, () => ok(copyJson(ctx.store.peek().notifications)));
    },
  };
}
