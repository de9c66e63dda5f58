import { useFetcher } from "@remix-run/react";
import { useEffect, useId, useState } from "react";
import { useTranslation } from "~/utils/use-translation";

interface Municipality {
  code: string;
  name: string;
  prefecture: string;
}

/**
 * Choose member governments by name, kana or code. The chosen codes live in one text field
 * (`municipalityCodes`), so the form also works without JavaScript: type the codes.
 */
export function MunicipalityPicker({
  defaultSelected,
  defaultCodes,
  error,
  errorParams,
  onChange,
}: {
  onChange?: (codes: string) => void;
  defaultSelected: Municipality[];
  defaultCodes?: string;
  error?: string;
  errorParams?: Record<string, string | number>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const fetcher = useFetcher<{ results: (Municipality & { kana: string })[] }>();
  const [selected, setSelected] = useState<Municipality[]>(defaultSelected);
  const [query, setQuery] = useState("");
  const [codes, setCodes] = useState(defaultCodes ?? defaultSelected.map((m) => m.code).join(", "));
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);

  const load = fetcher.load;
  useEffect(() => {
    if (query.trim().length === 0) return;
    const timer = setTimeout(() => load(`/api/municipalities?q=${encodeURIComponent(query)}`), 200);
    return () => clearTimeout(timer);
  }, [query, load]);

  const update = (next: Municipality[]) => {
    setSelected(next);
    const joined = next.map((m) => m.code).join(", ");
    setCodes(joined);
    onChange?.(joined);
  };

  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={error ? `${id}-error` : `${id}-hint`}>
      <legend className="text-std-16B-170">{t("region.members")}</legend>
      <p className="text-dns-14N-130 text-solid-gray-600" id={`${id}-hint`}>
        {t("region.membersHint")}
      </p>
      {enhanced ? (
        <input type="hidden" name="municipalityCodes" value={codes} />
      ) : (
        <>
          <label htmlFor={`${id}-codes`} className="text-std-16B-170">
            {t("region.codes")}
          </label>
          <input
            id={`${id}-codes`}
            name="municipalityCodes"
            defaultValue={codes}
            className="min-h-12 rounded-8 border border-solid-gray-600 px-4"
          />
        </>
      )}
      {enhanced ? (
        <>
          <ul className="flex flex-wrap gap-2" aria-label={t("region.selected")}>
            {selected.map((m) => (
              <li key={m.code} className="flex items-center gap-1 rounded-full bg-blue-50 py-1 pl-3 pr-1">
                {m.prefecture} {m.name} <span className="text-dns-14N-130">({m.code})</span>
                <button
                  type="button"
                  onClick={() => update(selected.filter((s) => s.code !== m.code))}
                  className="min-h-8 rounded-full px-2 text-blue-1000 underline"
                  aria-label={t("region.remove", { name: m.name })}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
          <label htmlFor={`${id}-search`} className="text-std-16B-170">
            {t("region.search")}
          </label>
          <input
            id={`${id}-search`}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              // Enter in the search box picks the first match; it must never submit the
              // region with only the governments chosen so far.
              if (e.key !== "Enter") return;
              e.preventDefault();
              const first = query ? fetcher.data?.results.find((m) => !selected.some((s) => s.code === m.code)) : undefined;
              if (first) {
                update([...selected, first]);
                setQuery("");
              }
            }}
            aria-describedby={`${id}-enter`}
            placeholder={t("region.searchPlaceholder")}
            className="min-h-12 rounded-8 border border-solid-gray-600 px-4"
          />
          <p id={`${id}-enter`} className="text-dns-14N-130 text-solid-gray-600">{t("region.enterHint")}</p>
          {query && fetcher.data ? (
            <ul className="flex flex-col rounded-8 border border-solid-gray-200" aria-label={t("region.searchResults")}>
              {fetcher.data.results.length === 0 ? <li className="px-4 py-2">{t("region.noResults")}</li> : null}
              {fetcher.data.results.map((m) => (
                <li key={m.code}>
                  <button
                    type="button"
                    disabled={selected.some((s) => s.code === m.code)}
                    onClick={() => {
                      update([...selected, m]);
                      setQuery("");
                    }}
                    className="w-full px-4 py-2 text-left hover:bg-blue-50 disabled:text-solid-gray-536"
                  >
                    {m.prefecture} {t("format.withParen", { text: m.name, paren: m.kana })} {m.code}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-dns-16N-130 text-error-2">
          {t(error, errorParams)}
        </p>
      ) : null}
    </fieldset>
  );
}
