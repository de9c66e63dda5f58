import i18next, { type i18n as I18n } from "i18next";
import ja from "~/locales/ja/common.json";
import en from "~/locales/en/common.json";
import type { AppLocale } from "./dates";

export const LOCALES: readonly AppLocale[] = ["ja", "en"];
export const DEFAULT_LOCALE: AppLocale = "ja";

export function isLocale(value: unknown): value is AppLocale {
  return value === "ja" || value === "en";
}

/**
 * A fresh instance per render / per request: one shared instance would leak one
 * request's language into another's on the server. Resources are bundled, so init is
 * synchronous.
 */
export function createI18n(locale: AppLocale): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: LOCALES as AppLocale[],
    resources: { ja: { common: ja }, en: { common: en } },
    defaultNS: "common",
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
    // No console advertisement in server logs or the browser.
    showSupportNotice: false,
  });
  return instance;
}

/** A translator for server-side text (mail). */
export function serverT(locale: AppLocale) {
  return createI18n(locale).t;
}
