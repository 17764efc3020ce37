// "Harness settings": client, language and role reload the page with the new query string (the
// appointment is kept in sessionStorage, as the same item opened in another Outlook); the theme
// changes live and raises OfficeThemeChanged; reset starts over with a new appointment.
import { settingsToSearch, type HarnessSettings } from "../store/settings";
import type { HarnessStore } from "../store/store";
import { byId } from "./dom";
import { clearAppointment } from "./persistence";

export function bindSettings(store: HarnessStore): void {
  const selects = {
    client: byId<HTMLSelectElement>("setting-client"),
    lang: byId<HTMLSelectElement>("setting-lang"),
    theme: byId<HTMLSelectElement>("setting-theme"),
    mode: byId<HTMLSelectElement>("setting-mode"),
  };
  const current: HarnessSettings = { ...store.settings, theme: store.theme };
  for (const [name, select] of Object.entries(selects))
    select.value = current[name as keyof typeof selects];

  const navigate = (next: HarnessSettings): void => {
    location.assign(`${location.pathname}${settingsToSearch(next)}`);
  };
  for (const name of ["client", "lang", "mode"] as const)
    selects[name].addEventListener("change", () =>
      navigate({ ...current, theme: store.theme, [name]: selects[name].value }),
    );
  selects.theme.addEventListener("change", () => {
    const theme = selects.theme.value as HarnessSettings["theme"];
    store.setTheme(theme);
    history.replaceState(
      null,
      "",
      `${location.pathname}${settingsToSearch({ ...current, theme })}`,
    );
  });
  byId("reset").addEventListener("click", () => {
    clearAppointment();
    navigate({ ...current, theme: store.theme, mode: "organizer" });
  });
}
