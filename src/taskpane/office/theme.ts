import { officeCall } from "./async";
import type { ThemeKind } from "./ports";
import { supports } from "./requirements";

/** Relative luminance of "#rrggbb" (WCAG 2.1), or null for anything else. */
export function luminance(hex: string): number | null {
  const match = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!match?.[1]) return null;
  const value = parseInt(match[1], 16);
  const channel = (shift: number): number => {
    const c = ((value >> shift) & 0xff) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0);
}

function hex(color: string): string {
  return color.trim().toLowerCase().replace(/^#/, "");
}

/**
 * Outlook does not say which theme it shows (`themeId`/`isDarkTheme` are unsupported there);
 * the documented way is the body colours. Pure white on pure black (Windows' high-contrast
 * schemes) or a forced-colours screen is high contrast; a dark background is dark; the rest light.
 */
export function themeKindFromColors(
  theme: Pick<Office.OfficeTheme, "bodyBackgroundColor" | "bodyForegroundColor"> | null,
  forcedColors: boolean,
): ThemeKind {
  if (forcedColors) return "highContrast";
  if (!theme) return "light";
  if (hex(theme.bodyBackgroundColor) === "000000" && hex(theme.bodyForegroundColor) === "ffffff") {
    return "highContrast";
  }
  const background = luminance(theme.bodyBackgroundColor);
  return background !== null && background < 0.2 ? "dark" : "light";
}

function forcedColors(): boolean {
  return typeof matchMedia === "function" && matchMedia("(forced-colors: active)").matches;
}

function currentOfficeTheme(): Office.OfficeTheme | null {
  try {
    return Office.context.officeTheme ?? null;
  } catch {
    return null;
  }
}

export function currentThemeKind(): ThemeKind {
  return themeKindFromColors(currentOfficeTheme(), forcedColors());
}

/**
 * Calls `onChange` with the new kind when Outlook's theme (Mailbox 1.14 OfficeThemeChanged) or
 * the system's forced colours change. Returns the unsubscribe function.
 */
export function watchTheme(onChange: (kind: ThemeKind) => void): () => void {
  const media = typeof matchMedia === "function" ? matchMedia("(forced-colors: active)") : null;
  const onMedia = (): void => onChange(currentThemeKind());
  media?.addEventListener("change", onMedia);
  let subscribed = false;
  if (supports("Mailbox", "1.14")) {
    const handler = (args: Office.OfficeThemeChangedEventArgs): void =>
      onChange(themeKindFromColors(args.officeTheme ?? currentOfficeTheme(), forcedColors()));
    officeCall<void>((cb) =>
      Office.context.mailbox.addHandlerAsync(Office.EventType.OfficeThemeChanged, handler, cb),
    ).then(
      () => (subscribed = true),
      () => {},
    );
  }
  return () => {
    media?.removeEventListener("change", onMedia);
    if (subscribed) {
      void officeCall<void>((cb) =>
        Office.context.mailbox.removeHandlerAsync(Office.EventType.OfficeThemeChanged, cb),
      ).catch(() => {});
    }
  };
}
