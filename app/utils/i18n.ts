import type { AppLocale } from "./dates";

export const LOCALES: readonly AppLocale[] = ["ja", "en"];
export const DEFAULT_LOCALE: AppLocale = "ja";

export function isLocale(value: unknown): value is AppLocale {
  return value === "ja" || value === "en";
}

/** What a message may be given: values for its {{placeholders}}, `count` for _one/_other, a default. */
export type TOptions = { count?: number; defaultValue?: string } & Record<string, unknown>;
export type TFunction = (key: string, options?: TOptions) => string;
export interface I18n {
  language: AppLocale;
  t: TFunction;
}

type Catalogue = Record<string, unknown>;

// The app's own translator (decision 0015): the catalogues are nested JSON with i18next's
// conventions — "a.b.c" keys, {{name}} placeholders, key_one / key_other plurals chosen by
// Intl.PluralRules, Japanese as the fallback language — and that is all the app uses of i18next,
// whose runtime cost ~15 KB of JavaScript on every page and ~10 µs per message on the server.
//
// The server registers both catalogues (i18n.server.ts); the browser adds, in the page's
// language only, the namespaces of each route module it loads (loadRouteStrings below, put there
// by the route-strings plugin) and what the server rendered from elsewhere (page-strings.tsx), so
// a page ships neither the other language nor other pages' strings (decision 0020).
const tables: Partial<Record<AppLocale, Map<string, string>>> = {};
const translators = new Map<AppLocale, I18n>();

function flatten(catalogue: Catalogue, prefix: string, into: Map<string, string>) {
  for (const [key, value] of Object.entries(catalogue)) {
    if (typeof value === "string") into.set(prefix + key, value);
    else if (value && typeof value === "object") flatten(value as Catalogue, `${prefix}${key}.`, into);
  }
  return into;
}

export function registerCatalogue(locale: AppLocale, catalogue: Catalogue) {
  tables[locale] = flatten(catalogue, "", new Map());
  translators.clear();
}

/**
 * Adds part of a catalogue: the namespaces a route needs (the browser loads them with the route's
 * module, decision 0020), or single keys given flat ({ "call.title": "…" }).
 */
export function addStrings(locale: AppLocale, part: Catalogue) {
  flatten(part, "", (tables[locale] ??= new Map()));
}

/** The templates of a key as registered: the key itself and its plural forms (key_one, key_other, …). */
export function templatesOf(locale: AppLocale, key: string): Record<string, string> {
  const out: Record<string, string> = {};
  const table = tables[locale];
  if (!table) return out;
  for (const k of [key, `${key}_zero`, `${key}_one`, `${key}_two`, `${key}_few`, `${key}_many`, `${key}_other`]) {
    const v = table.get(k);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/** The namespace of a key: what comes before its first dot. */
export const namespaceOf = (key: string) => key.slice(0, Math.max(0, key.indexOf(".")));

/**
 * The browser's side of a route's strings (the route-strings plugin in vite.config.ts puts
 * `await loadRouteStrings(import(…ja…), import(…en…))` at the top of every route module, for the
 * page's language only: both imports are functions, only one is called).
 */
export async function loadRouteStrings(ja: () => Promise<{ default: Catalogue }>, en: () => Promise<{ default: Catalogue }>) {
  const locale: AppLocale = document.documentElement.lang === "en" ? "en" : "ja";
  addStrings(locale, (await (locale === "en" ? en() : ja())).default);
}

const PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/g;

function interpolate(template: string, options: TOptions | undefined) {
  if (!options || !template.includes("{{")) return template;
  // a placeholder given no value stays as written, one given null or undefined becomes empty (as i18next did)
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(options, name)) return whole;
    const value = options[name];
    return value === null || value === undefined ? "" : String(value);
  });
}

function lookup(locale: AppLocale, plurals: Intl.PluralRules, key: string, count: number | undefined) {
  const table = tables[locale];
  if (!table) return undefined;
  if (count !== undefined) {
    const plural = table.get(`${key}_${plurals.select(count)}`) ?? table.get(`${key}_other`);
    if (plural !== undefined) return plural;
  }
  return table.get(key);
}

/** The translator of a language (kept: it only reads the catalogues registered so far). */
export function createI18n(locale: AppLocale): I18n {
  const known = translators.get(locale);
  if (known) return known;
  const plurals = new Intl.PluralRules(locale);
  const fallbackPlurals = new Intl.PluralRules(DEFAULT_LOCALE);
  const t: TFunction = (key, options) => {
    const count = typeof options?.count === "number" ? options.count : undefined;
    const template =
      lookup(locale, plurals, key, count) ??
      (locale === DEFAULT_LOCALE ? undefined : lookup(DEFAULT_LOCALE, fallbackPlurals, key, count)) ??
      options?.defaultValue ??
      key;
    return interpolate(template, options);
  };
  const instance: I18n = { language: locale, t };
  translators.set(locale, instance);
  return instance;
}
