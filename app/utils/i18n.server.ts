import ja from "~/locales/ja/common.json";
import en from "~/locales/en/common.json";
import { createI18n, registerCatalogue } from "./i18n";
import type { AppLocale } from "./dates";

// The server renders and mails in either language: it holds both catalogues.
registerCatalogue("ja", ja);
registerCatalogue("en", en);

/** A translator for server-side text (mail, calendar names). */
export function serverT(locale: AppLocale) {
  return createI18n(locale).t;
}
