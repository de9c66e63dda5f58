import { useEffect, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "~/utils/use-translation";

/**
 * What the server refused, at one place: the reason, then each field in error as a link that
 * moves focus to the field. When it appears (a new answer from the server) it scrolls into view
 * and takes focus, so a refusal is never 2,000 px away from the button that caused it (DADS /
 * GOV.UK error summary). Field names are read from the form's own labels once the page runs;
 * without JavaScript the messages are listed as they are.
 */
export function ErrorSummary({
  reason,
  fieldErrors,
  params,
  detail,
  children,
}: {
  reason?: string | null;
  fieldErrors?: Record<string, string>;
  params?: Record<string, unknown>;
  /** said after the reason (which file, where in it) */
  detail?: string;
  /** more about the refusal, below the fields (what happened to each file) */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const [labels, setLabels] = useState<Record<string, string>>({});
  const fields = Object.entries(fieldErrors ?? {});
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    box.scrollIntoView({ block: "start" });
    box.focus({ preventScroll: true });
    const found: Record<string, string> = {};
    for (const [name] of fields) {
      const el = fieldOf(name, ref.current);
      const label = el && "labels" in el ? el.labels?.[0]?.textContent : null;
      if (label) found[name] = label.replace(/\s*[（(]?(必須|任意|required|optional)[）)]?\s*$/i, "").trim();
    }
    setLabels(found);
    // a new answer from the server is a new object: run again for it
  }, [reason, fieldErrors]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!reason && fields.length === 0) return null;
  return (
    <div ref={ref} tabIndex={-1} role="alert" data-error-summary className="col-span-full basis-full scroll-mt-4 rounded-8 border border-l-8 border-error-2 bg-red-50 px-4 py-3 text-solid-gray-900 focus:outline focus:outline-4 focus:outline-offset-2 focus:outline-black">
      <p className="text-std-16B-170">
        {t(reason ?? "form.fixErrors", params)}
        {detail ? ` ${detail}` : ""}
      </p>
      {fields.length > 0 ? (
        <ul className="mt-2 list-disc pl-6">
          {fields.map(([name, message]) => (
            <li key={name}>
              <a
                href={`#${name}`}
                onClick={(event) => {
                  const el = fieldOf(name, ref.current);
                  if (!el) return;
                  event.preventDefault();
                  el.focus();
                }}
              >
                {labels[name] ? t("format.labelled", { label: labels[name], text: t(message, params) }) : t(message, params)}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {children}
    </div>
  );
}

/** The field of that name in the summary's own form (a page may hold several forms with the same field names). */
function fieldOf(name: string, box: HTMLElement | null): HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null {
  const scope: ParentNode = box?.closest("form") ?? document;
  return scope.querySelector(`[name="${CSS.escape(name)}"]:not([type="hidden"])`);
}
