// Outlook's own dialogs around a send: the Smart Alert (title, the add-in's message, buttons per
// send mode) and the "taking longer than expected" notice. Buttons follow the display language.
import type { AlertButton, SendUi, SmartAlert } from "../store/launch-events";
import { ADDIN_NAME } from "../store/launch-events";
import { byId, el } from "./dom";
import { renderMarkdown } from "./markdown";

const TEXTS = {
  "sv-SE": {
    longer: `${ADDIN_NAME} tar längre tid än väntat att kontrollera mötet.`,
    dontSend: "Skicka inte",
  },
  "en-US": {
    longer: `${ADDIN_NAME} is taking longer than expected to check this item.`,
    dontSend: "Don't Send",
  },
} as const;

export function sendDialogs(
  lang: keyof typeof TEXTS,
  openPane: (commandId: string) => void,
): SendUi {
  const alertDialog = byId<HTMLDialogElement>("smart-alert");
  const longerDialog = byId<HTMLDialogElement>("taking-longer");
  return {
    showAlert(alert: SmartAlert): Promise<AlertButton> {
      byId("smart-alert-title").textContent = alert.title;
      const message = byId("smart-alert-message");
      message.replaceChildren(
        ...(alert.markdown
          ? renderMarkdown(alert.message)
          : alert.message.split("\n").map((line) => el("p", {}, [line]))),
      );
      const buttons = byId("smart-alert-buttons");
      return new Promise((resolve) => {
        const answer = (id: AlertButton): void => {
          alertDialog.close();
          resolve(id);
        };
        buttons.replaceChildren(
          ...alert.buttons.map((b) => {
            const button = el("button", { type: "button", "data-button": b.id }, [b.label]);
            if (b.id === "dontSend") button.classList.add("primary");
            button.addEventListener("click", () => answer(b.id));
            return button;
          }),
        );
        // Escape closes the dialog: the item is not sent.
        alertDialog.addEventListener("cancel", () => resolve("dontSend"), { once: true });
        alertDialog.showModal();
      });
    },
    showTakingLonger() {
      byId("taking-longer-message").textContent = TEXTS[lang].longer;
      const cancel = byId<HTMLButtonElement>("taking-longer-cancel");
      cancel.textContent = TEXTS[lang].dontSend;
      const answer = new Promise<"dontSend">((resolve) => {
        cancel.onclick = () => {
          longerDialog.close();
          resolve("dontSend");
        };
        longerDialog.addEventListener("cancel", () => resolve("dontSend"), { once: true });
      });
      longerDialog.showModal();
      return { answer, close: () => longerDialog.open && longerDialog.close() };
    },
    openPane,
  };
}
