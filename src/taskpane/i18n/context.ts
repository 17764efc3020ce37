import { createContext, useContext } from "react";
import type { Locale } from "../../shared/contract";
import { type Translate, translator } from "./index";
import { sv } from "./sv";

export interface I18n {
  locale: Locale;
  t: Translate;
}

export const I18nContext = createContext<I18n>({ locale: "sv", t: translator(sv) });

/** The pane's language and its messages. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
