import { type Theme, webLightTheme } from "@fluentui/react-components";
import type { ThemeKind } from "../office/ports";

// Light is what most panes start in; the dark and high-contrast token sets are a chunk of their
// own so they cost nothing until Outlook asks for them.
const loaded: Partial<Record<ThemeKind, Theme>> = { light: webLightTheme };

/** The theme if already loaded (light always is). */
export function loadedTheme(kind: ThemeKind): Theme | undefined {
  return loaded[kind];
}

export async function loadTheme(kind: ThemeKind): Promise<Theme> {
  const ready = loaded[kind];
  if (ready) return ready;
  const themes = await import(/* webpackChunkName: "themes" */ "./other-themes").catch(() => null);
  // A chunk that cannot load must not leave the pane blank: light it is.
  if (!themes) return webLightTheme;
  loaded.dark = themes.webDarkTheme;
  loaded.highContrast = themes.teamsHighContrastTheme;
  return loaded[kind] ?? webLightTheme;
}
