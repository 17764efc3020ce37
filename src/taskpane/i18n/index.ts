import type { Locale } from "../../shared/contract";
import { en } from "./en";
import { type Catalogue, type MessageKey, sv } from "./sv";

export type { Catalogue, MessageKey };

const CATALOGUES: Readonly<Record<Locale, Catalogue>> = { sv, en };

/** Swedish for any Swedish Outlook (sv, sv-SE, sv-FI), English otherwise. */
export function pickLocale(displayLanguage: string): Locale {
  return displayLanguage.trim().toLowerCase().startsWith("sv") ? "sv" : "en";
}

export function catalogue(locale: Locale): Catalogue {
  return CATALOGUES[locale];
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

export function translator(locale: Locale): Translate {
  const messages = catalogue(locale);
  return (key, values) => format(messages[key], values);
}
