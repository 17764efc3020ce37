// What the pane accepts from its sign-in dialog. Since DialogApi 1.2 a page in the dialog may
// call messageParent from another origin (it names the pane as target); the dialog navigates
// through Entra ID and back, so the message is accepted only from the add-in's own origin,
// where our sign-in page runs. Clients before 1.2 send no origin and deliver same-domain only.

export type DialogReading =
  { ok: true; value: unknown } | { ok: false; foreign: boolean; reason: string };

/** The message's value, if it came from `ownOrigin` and is the JSON our dialog page sends. */
export function readDialogMessage(
  args: { message?: unknown; origin?: unknown },
  ownOrigin: string,
): DialogReading {
  if (args.origin !== undefined && args.origin !== ownOrigin)
    return { ok: false, foreign: true, reason: "message from another origin" };
  if (typeof args.message !== "string")
    return { ok: false, foreign: false, reason: "message is not text" };
  try {
    const parsed = JSON.parse(args.message) as unknown;
    // The dialog page wraps its value as { parse: false, value } (see messageParent).
    if (parsed !== null && typeof parsed === "object" && "value" in parsed)
      return { ok: true, value: (parsed as { value: unknown }).value };
    return { ok: true, value: parsed };
  } catch {
    return { ok: false, foreign: false, reason: "message is not JSON" };
  }
}
