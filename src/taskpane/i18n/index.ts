import type { Locale } from "../../shared/contract";
import { type Catalogue, type MessageKey, sv } from "./sv";

export type { Catalogue, MessageKey };

/** Swedish for any Swedish Outlook (sv, sv-SE, sv-FI), English otherwise. */
export function pickLocale(displayLanguage: string): Locale {
  return displayLanguage.trim().toLowerCase().startsWith("sv") ? "sv" : "en";
}

/**
 * The catalogue of a language. Swedish is in the first chunk (most users); English arrives in a
 * small chunk of its own, fetched while Office.js starts.
 */
export async function loadCatalogue(locale: Locale): Promise<Catalogue> {
  if (locale === "sv") return sv;
  const { en } = await import(/* webpackChunkName: "i18n-en" */ "./en");
  return en;
}

/** Fills `{name}` placeholders; an unknown placeholder stays visible so a test can catch it. */
export function format(
  template: string,
  values: Readonly<Record<string, string | number>> = {},
): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** One language's messages as a function: `t("bookedHeading", { type })`. */
export type Translate = (
  key: MessageKey,
  values?: Readonly<Record<string, string | number>>,
) => string;

export function translator(messages: Catalogue): Translate {
  return (key, values) => format(messages[key], values);
}
