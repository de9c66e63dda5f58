import { createI18n, DEFAULT_LOCALE } from "./i18n";
import type { AppLocale } from "./dates";

interface MatchLike {
  id: string;
  data?: unknown;
}

/** "<page> | Data Academy Manager" in the page's language, from the root loader's locale. */
export function pageTitle(matches: MatchLike[], key: string, params?: Record<string, unknown>) {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: AppLocale } | undefined;
  const t = createI18n(root?.locale ?? DEFAULT_LOCALE).t;
  return [{ title: `${t(key, params)} | ${t("app.name")}` }];
}
