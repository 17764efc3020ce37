// "Simulera att patienten ansluter": a patient joins the booked Pexip meeting as a guest, through
// the harness's dev route (which scripts the Pexip emulator), and waits at the waiting screen —
// what the pane's Väntrum then shows. The meeting is found by the join link in Brödtext.
import type { HarnessStore } from "../store/store";
import { byId } from "./dom";

/** The VMR alias in a Pexip join link (`…/webapp/m/<alias>/…`) in the body, if there is one. */
export function pexipAliasIn(html: string): string | null {
  return /\/webapp\/m\/(\d{4,20})\b/.exec(html)?.[1] ?? null;
}

export function bindPatient(store: HarnessStore): void {
  const button = byId<HTMLButtonElement>("simulate-patient");
  const status = byId("patient-status");
  button.addEventListener("click", () => {
    const alias = pexipAliasIn(store.peek().body.value);
    if (!alias) {
      status.textContent = "Inget Pexip-möte i Brödtext: skapa ett Vårdmöte patient först.";
      return;
    }
    button.disabled = true;
    status.textContent = "";
    fetch("/harness/patient", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ alias }),
    })
      .then(async (res) => {
        status.textContent = res.ok
          ? "En patient har anslutit och väntar i väntrummet."
          : `Patienten kunde inte ansluta (${res.status}: ${await res.text()}).`;
      })
      .catch((error: unknown) => {
        status.textContent = `Patienten kunde inte ansluta (${String(error)}).`;
      })
      .finally(() => {
        button.disabled = false;
      });
  });
}
