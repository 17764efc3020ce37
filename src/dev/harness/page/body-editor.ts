// Brödtext: the body in a contenteditable area (what a reader sees) and, behind a toggle, the raw
// HTML exactly as the client holds it (what body.getAsync(Html) returns). Typing goes through the
// client's editor rules; the raw view is stored verbatim.
import { contentHtml } from "../html/clients";
import type { HarnessStore } from "../store/store";
import { byId } from "./dom";
import { safeFragment } from "./sanitize";

const CARET = "\u2063svm-caret\u2063";

export function bindBodyEditor(store: HarnessStore): void {
  const editor = byId("body-editor");
  const raw = byId<HTMLTextAreaElement>("body-raw");
  const toggle = byId<HTMLButtonElement>("body-toggle");
  const readOnly = store.settings.mode === "attendee";
  let saved: Range | null = null;

  editor.contentEditable = readOnly ? "false" : "true";
  if (readOnly) editor.setAttribute("aria-readonly", "true");
  raw.readOnly = readOnly;

  const render = (force = false): void => {
    const stored = store.peek().body.value;
    if (force || document.activeElement !== editor) {
      editor.replaceChildren(safeFragment(contentHtml(stored)));
      saved = null;
    }
    if (force || document.activeElement !== raw) raw.value = stored;
  };

  editor.addEventListener("input", () => store.editBodyContent(editor.innerHTML));
  editor.addEventListener("focus", () => store.focusBody());
  editor.addEventListener("blur", () => render(true));
  raw.addEventListener("change", () => store.setRawBody(raw.value));
  document.addEventListener("selectionchange", () => {
    const selection = document.getSelection();
    if (selection && selection.rangeCount > 0 && editor.contains(selection.anchorNode))
      saved = selection.getRangeAt(0).cloneRange();
  });

  toggle.addEventListener("click", () => {
    const showRaw = raw.hidden;
    raw.hidden = !showRaw;
    editor.hidden = showRaw;
    toggle.setAttribute("aria-pressed", String(showRaw));
    toggle.textContent = showRaw ? "Visa formaterad text" : "Visa HTML";
  });

  // setSelectedDataAsync lands at the caret the user last left in the editor.
  store.caret = {
    insertAtCaret(_content, fragment) {
      if (!saved || !editor.contains(saved.startContainer)) return null;
      const marker = document.createTextNode(CARET);
      const range = saved.cloneRange();
      range.deleteContents();
      range.insertNode(marker);
      const html = editor.innerHTML;
      marker.remove();
      return html.replace(CARET, fragment);
    },
  };

  store.subscribe((change) => {
    if (change.kind === "body" || change.kind === "reset") render(change.by !== "user");
  });
  render(true);
}
