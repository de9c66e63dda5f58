import { Link } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";

export interface Crumb {
  label: string;
  /** absent: the page itself (the last crumb) */
  to?: string;
}

/**
 * Where a page sits, on pages three levels deep (DADS breadcrumb): each level a link, the page
 * itself last and marked as current. Wraps on phones.
 */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("layout.breadcrumbs")} className="no-print">
      <ol className="flex flex-wrap items-center gap-x-2 gap-y-1 text-dns-16N-130">
        {items.map((item, i) => (
          <li key={`${i}-${item.label}`} className="flex items-center gap-2">
            {i > 0 ? (
              <span aria-hidden="true" className="text-solid-gray-600">
                ›
              </span>
            ) : null}
            {item.to ? <Link to={item.to}>{item.label}</Link> : <span aria-current="page">{item.label}</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** The first two levels of every academy page: the list, then the academy. */
export function academyCrumbs(t: (key: string) => string, academy: { id: string; name: string }): Crumb[] {
  return [
    { label: t("nav.academies"), to: "/academies" },
    { label: academy.name, to: `/academies/${academy.id}` },
  ];
}
