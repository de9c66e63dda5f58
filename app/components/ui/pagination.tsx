import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";

/** Previous / next page links with "page n of m"; nothing when everything fits on one page. */
export function Pagination({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <nav aria-label={t("pagination.label")} className="flex items-center gap-4">
      {page > 1 ? <Link to={href(page - 1)} rel="prev">{t("pagination.previous")}</Link> : <span aria-hidden="true" className="text-solid-gray-536">{t("pagination.previous")}</span>}
      <span>{t("pagination.pageOf", { page, pages })}</span>
      {page < pages ? <Link to={href(page + 1)} rel="next">{t("pagination.next")}</Link> : <span aria-hidden="true" className="text-solid-gray-536">{t("pagination.next")}</span>}
    </nav>
  );
}

/** Links to other pages of a filtered list: the same path and filter, another page number. */
export function usePageHref(): (page: number) => string {
  const { pathname, search } = useLocation();
  return (page) => {
    const q = new URLSearchParams(search);
    q.set("page", String(page));
    return `${pathname}?${q}`;
  };
}
