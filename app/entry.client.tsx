import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { isLocale, DEFAULT_LOCALE } from "~/utils/i18n";
import { addPageStrings } from "~/utils/page-strings";

// Each route module has loaded its own strings in the page's language before this runs (the
// route-strings plugin, decision 0020); the page adds what the server rendered from elsewhere.
const lang = document.documentElement.lang;
addPageStrings(isLocale(lang) ? lang : DEFAULT_LOCALE);
startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RemixBrowser />
    </StrictMode>,
  );
});
