// The appointment survives page reloads (a settings change) in sessionStorage; a new tab or
// browser context starts with a new appointment.
import { contentHtml, normalizeBody, type ClientMode } from "../html/clients";
import type { HarnessSettings } from "../store/settings";
import { AppointmentState, newAppointment } from "../store/state";
import type { HarnessStore } from "../store/store";

const KEY = "svmHarness.appointment";

interface Saved {
  client: ClientMode;
  state: unknown;
}

export function freshAppointment(settings: HarnessSettings): AppointmentState {
  return newAppointment(settings.user, new Date(), normalizeBody(settings.client, ""));
}

/** The saved appointment, its body as this client's editor holds it; or a new appointment. */
export function loadAppointment(settings: HarnessSettings): AppointmentState {
  try {
    const saved = JSON.parse(sessionStorage.getItem(KEY) ?? "null") as Saved | null;
    const parsed = AppointmentState.safeParse(saved?.state);
    if (!saved || !parsed.success) return freshAppointment(settings);
    const state = parsed.data;
    if (saved.client !== settings.client)
      state.body.value = normalizeBody(settings.client, contentHtml(state.body.value));
    return state;
  } catch {
    return freshAppointment(settings);
  }
}

export function persistAppointment(store: HarnessStore): void {
  const saved: Saved = { client: store.settings.client, state: store.peek() };
  try {
    sessionStorage.setItem(KEY, JSON.stringify(saved));
  } catch {
    // a body near 1 MB can exceed the storage quota: the page still works, only reloads forget
  }
}

export function clearAppointment(): void {
  sessionStorage.removeItem(KEY);
}
