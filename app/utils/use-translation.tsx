import { createContext, useContext, type ReactNode } from "react";
import { createI18n, DEFAULT_LOCALE, type I18n } from "./i18n";

// The page's translator for components, given once by the root layout (decision 0015).
const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ i18n, children }: { i18n: I18n; children: ReactNode }) {
  return <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>;
}

/** `const { t } = useTranslation()`: the messages of the page's language. */
export function useTranslation(): I18n {
  return useContext(I18nContext) ?? createI18n(DEFAULT_LOCALE);
}
