import { useRouteLoaderData } from "@remix-run/react";
import type { AppLocale } from "./dates";
import { DEFAULT_LOCALE } from "./i18n";

export function useLocale(): AppLocale {
  const data = useRouteLoaderData("root") as { locale?: AppLocale } | undefined;
  return data?.locale ?? DEFAULT_LOCALE;
}
