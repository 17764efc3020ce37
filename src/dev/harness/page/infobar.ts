// The info bar above the form: the add-in's notificationMessages, with key, type and message, as
// Outlook shows them (the type and key are spelled out here so a tester can see them).
import type { HarnessStore } from "../store/store";
import type { StoredNotification } from "../store/state";
import { byId, el } from "./dom";

const TYPE_LABELS: Record<StoredNotification["type"], string> = {
  informationalMessage: "Information",
  errorMessage: "Fel",
  progressIndicator: "Pågår",
  insightMessage: "Insikt",
};

export function bindInfobar(store: HarnessStore): void {
  const list = byId<HTMLUListElement>("infobar-list");
  const render = (): void => {
    const notes = store.peek().notifications;
    list.replaceChildren(
      ...notes.map((note) => {
        const item = el("li", { "data-key": note.key, "data-type": note.type }, [
          el("span", { class: "note-type" }, [TYPE_LABELS[note.type]]),
          el("span", { class: "note-message" }, [note.message]),
          el("span", { class: "note-key" }, [`nyckel: ${note.key}`]),
        ]);
        // Informational messages can be dismissed by the user, as in Outlook.
        if (note.type === "informationalMessage") {
          const close = el("button", { type: "button", "aria-label": `Stäng: ${note.message}` }, [
            "×",
          ]);
          close.addEventListener("click", () => store.removeNotification(note.key, "user"));
          item.append(close);
        }
        return item;
      }),
    );
  };
  store.subscribe((change) => {
    if (change.kind === "notifications" || change.kind === "reset") render();
  });
  render();
}
