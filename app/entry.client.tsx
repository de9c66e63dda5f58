import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { isLocale, registerCatalogue, DEFAULT_LOCALE } from "~/utils/i18n";

// Load the catalogue of the page's language only (a separate, cached chunk), then hydrate.
const lang = document.documentElement.lang;
const locale = isLocale(lang) ? lang : DEFAULT_LOCALE;
const catalogue = locale === "en" ? import("~/locales/en/common.json") : import("~/locales/ja/common.json");

void catalogue.then(({ default: strings }) => {
  registerCatalogue(locale, strings);
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  });
});
