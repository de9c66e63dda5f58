import namespaces from "virtual:route-strings/namespaces";
import { addStrings, namespaceOf, templatesOf, type I18n } from "./i18n";
import type { AppLocale } from "./dates";

// The browser holds only the strings of the routes it has loaded (decision 0020). A key the
// server renders from another namespace — one the build's reading of the code could not see, as
// `t(someVariable)` — would make the first render in the browser differ from the server's. So the
// server notes every such key while rendering and puts its templates into the page
// (`#dam-strings`), which the browser adds before hydrating; in development it also warns, so the
// namespace can be named where the key comes from.

const ELEMENT_ID = "dam-strings";

/** Server: a translator that notes the keys from outside the matched routes' namespaces. */
export function notingI18n(i18n: I18n, routeIds: readonly string[], noted: Map<string, string>): I18n {
  const allowed = new Set(routeIds.flatMap((id) => namespaces[id] ?? []));
  const locale = i18n.language;
  return {
    language: locale,
    t: (key, options) => {
      if (!allowed.has(namespaceOf(key))) for (const [k, v] of Object.entries(templatesOf(locale, key))) noted.set(k, v);
      return i18n.t(key, options);
    },
  };
}

/** The noted strings as the page carries them (rendered last, after everything that translates). */
export function PageStrings({ noted, nonce }: { noted: Map<string, string> | null; nonce?: string }) {
  // in the browser: the same content the server wrote, left as it is
  const json = noted ? JSON.stringify(Object.fromEntries(noted)).replace(/</g, "\\u003c") : typeof document === "undefined" ? "{}" : (document.getElementById(ELEMENT_ID)?.textContent ?? "{}");
  if (noted && noted.size > 0 && import.meta.env.DEV) console.warn(`[strings] rendered outside the routes' namespaces (name them in the route's code): ${[...noted.keys()].join(", ")}`);
  // the nonce too: the policy allows no script element without one (it is data, never run)
  return <script type="application/json" id={ELEMENT_ID} nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: json }} />;
}

/** Browser, before hydrating: the strings the server added to the page. */
export function addPageStrings(locale: AppLocale) {
  const text = document.getElementById(ELEMENT_ID)?.textContent;
  if (text) addStrings(locale, JSON.parse(text) as Record<string, string>);
}
