import { Form, NavLink, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { AppLocale } from "~/utils/dates";
import { userHasPermission, type PermissionString } from "~/modules/account/permissions";
import type { SessionUser } from "~/utils/session.server";

interface NavItem {
  to: string;
  label: string;
  permission?: PermissionString;
}

const NAV: NavItem[] = [
  { to: "/dashboard", label: "nav.dashboard" },
  { to: "/academies", label: "nav.academies", permission: "read:academy" },
  { to: "/calendar", label: "nav.calendar", permission: "read:academy" },
  { to: "/regions", label: "nav.regions", permission: "manage:region" },
  { to: "/materials", label: "nav.materials", permission: "manage:academy" },
  { to: "/outbox", label: "nav.outbox", permission: "read:outbox" },
  { to: "/audit", label: "nav.audit", permission: "read:audit" },
];

export function AppHeader({ user, locale }: { user: SessionUser | null; locale: AppLocale }) {
  const { t } = useTranslation();
  const location = useLocation();
  const here = location.pathname + location.search;
  const items = NAV.filter((item) => !item.permission || userHasPermission(user, item.permission));
  return (
    <header className="no-print border-b border-solid-gray-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <a href={user ? "/dashboard" : "/login"} className="text-std-20B-150 text-solid-gray-900 no-underline">
          {t("app.name")}
        </a>
        {user ? (
          <nav aria-label={t("nav.label")} className="flex-1">
            <ul className="flex flex-wrap gap-4">
              {items.map((item) => (
                <li key={item.to}>
                  <NavLink
                    to={item.to}
                    className="rounded-4 px-2 py-1 text-dns-16B-130 aria-[current=page]:bg-blue-50 aria-[current=page]:no-underline"
                  >
                    {t(item.label)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        ) : (
          <div className="flex-1" />
        )}
        <Form method="post" action="/set-locale" className="flex items-center gap-1" aria-label={t("layout.language")}>
          <input type="hidden" name="redirectTo" value={here} />
          {(["ja", "en"] as const).map((lng) => (
            <button
              key={lng}
              type="submit"
              name="locale"
              value={lng}
              lang={lng}
              aria-pressed={locale === lng}
              className="rounded-4 border border-solid-gray-600 px-2 py-1 text-dns-14B-120 aria-pressed:bg-solid-gray-800 aria-pressed:text-white"
            >
              {t(`languages.${lng}`)}
            </button>
          ))}
        </Form>
        {user ? (
          <div className="flex items-center gap-3">
            <span className="text-dns-16N-130" data-testid="current-user">
              {user.displayName}
            </span>
            <Form method="post" action="/logout">
              <button type="submit" className="rounded-4 px-2 py-1 text-dns-16B-130 text-blue-1000 underline">
                {t("nav.signOut")}
              </button>
            </Form>
          </div>
        ) : null}
      </div>
    </header>
  );
}
