import i18next, { type i18n as I18n } from "i18next";
import type { AppLocale } from "./dates";

export const LOCALES: readonly AppLocale[] = ["ja", "en"];
export const DEFAULT_LOCALE: AppLocale = "ja";

export function isLocale(value: unknown): value is AppLocale {
  return value === "ja" || value === "en";
}

type Catalogue = Record<string, unknown>;

// The catalogues this process holds. The server registers both (i18n.server.ts); the browser
// registers only the page's language before hydrating (entry.client.tsx), so no page ships the
// other language's strings.
const catalogues: Partial<Record<AppLocale, Catalogue>> = {};

export function registerCatalogue(locale: AppLocale, catalogue: Catalogue) {
  catalogues[locale] = catalogue;
}

/**
 * A fresh instance per render / per request: one shared instance would leak one request's
 * language into another's on the server. Resources are in memory, so init is synchronous.
 */
const instances = new Map<string, I18n>();

/**
 * The i18next instance of a language. Instances are kept: after init they only read, and making
 * one per request cost the server ~0.5 ms each (issue 8 profile).
 */
export function createI18n(locale: AppLocale): I18n {
  const key = `${locale}:${Object.keys(catalogues).sort().join(",")}`;
  const known = instances.get(key);
  if (known) return known;
  const instance = i18next.createInstance();
  const resources = Object.fromEntries(Object.entries(catalogues).map(([lng, catalogue]) => [lng, { common: catalogue }]));
  void instance.init({
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: LOCALES as AppLocale[],
    resources,
    defaultNS: "common",
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
    // No console advertisement in server logs or the browser.
    showSupportNotice: false,
  });
  instances.set(key, instance);
  return instance;
}
