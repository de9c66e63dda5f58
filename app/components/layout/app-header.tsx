import { Form, NavLink, useLocation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "~/utils/use-translation";
import type { AppLocale } from "~/utils/dates";
import { userHasPermission, type PermissionString } from "~/modules/account/permissions";

interface NavItem {
  to: string;
  label: string;
  permission?: PermissionString;
  /** shown to reviewers (facilitators, coordinators) */
  reviewers?: boolean;
  /** shown to anyone signed in */
  signedIn?: boolean;
}

const NAV: NavItem[] = [
  { to: "/dashboard", label: "nav.dashboard" },
  { to: "/academies", label: "nav.academies" },
  { to: "/calendar", label: "nav.calendar" },
  { to: "/cases", label: "nav.cases" },
  { to: "/consultations", label: "nav.consultations", signedIn: true },
  { to: "/reviews", label: "nav.reviews", reviewers: true },
  { to: "/progress", label: "nav.progress", reviewers: true },
  { to: "/regions", label: "nav.regions", permission: "manage:region" },
  { to: "/materials", label: "nav.materials", permission: "manage:catalogue" },
  { to: "/outbox", label: "nav.outbox", permission: "read:outbox" },
  { to: "/reports/kpi", label: "nav.kpi", permission: "read:report" },
  { to: "/manage/calls", label: "nav.calls", permission: "manage:call" },
  { to: "/facilitators", label: "nav.facilitators", permission: "read:facilitator_pool" },
  { to: "/audit", label: "nav.audit", permission: "read:audit" },
  { to: "/settings/api-tokens", label: "nav.apiTokens", permission: "manage:api_token" },
];

export interface HeaderUser {
  displayName: string;
  permissions: readonly string[];
  reviews?: boolean;
  unread?: number;
}

/**
 * Wide screens: the navigation in one row. Phones: a menu button opening a drawer (as the
 * Digital Agency design system's header does), built on <details> so it works without
 * JavaScript and with the keyboard; it closes on navigation.
 */
export function AppHeader({ user, locale }: { user: HeaderUser | null; locale: AppLocale }) {
  const { t } = useTranslation();
  const location = useLocation();
  const here = location.pathname + location.search;
  const drawer = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (drawer.current) drawer.current.open = false;
  }, [location.pathname]);
  const items = NAV.filter((item) => (!item.permission || userHasPermission(user, item.permission)) && (!item.reviewers || user?.reviews) && (!item.signedIn || user));
  const links = (
    <ul className="flex flex-col gap-1 md:flex-row md:flex-wrap md:gap-x-1">
      {items.map((item) => (
        <li key={item.to}>
          <NavLink
            to={item.to}
            className="block rounded-4 px-2 py-2 text-dns-16B-130 aria-[current=page]:bg-blue-50 aria-[current=page]:no-underline md:py-1"
          >
            {t(item.label)}
          </NavLink>
        </li>
      ))}
    </ul>
  );
  const account = user ? (
    <div className="flex items-center gap-3">
      <NavLink to="/notifications" className="rounded-4 px-2 py-1 text-dns-16B-130" aria-label={t("nav.notificationsCount", { count: user.unread ?? 0 })}>
        {t("nav.notifications")}
        {user.unread ? (
          <span aria-hidden="true" className="ml-1 inline-block rounded-full bg-error-2 px-2 text-dns-14B-120 text-white no-underline">
            {user.unread > 99 ? "99+" : user.unread}
          </span>
        ) : null}
      </NavLink>
      <span className="text-dns-16N-130" data-testid="current-user">
        {user.displayName}
      </span>
      <Form method="post" action="/logout">
        <button type="submit" className="rounded-4 px-2 py-1 text-dns-16B-130 text-blue-1000 underline">
          {t("nav.signOut")}
        </button>
      </Form>
    </div>
  ) : null;
  const language = (
    // A full reload: the browser holds the strings of one language only.
    <Form method="post" action="/set-locale" reloadDocument className="flex items-center gap-1" aria-label={t("layout.language")}>
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
  );
  return (
    <header className="no-print border-b border-solid-gray-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center gap-x-4 gap-y-2 px-4 py-3">
        <a href={user ? "/dashboard" : "/login"} className="text-std-20B-150 text-solid-gray-900 no-underline">
          {t("app.name")}
        </a>
        {user ? (
          <nav aria-label={t("nav.label")} className="hidden flex-1 md:block">
            {links}
          </nav>
        ) : (
          <div className="flex-1" />
        )}
        <div className="hidden items-center gap-4 md:flex">
          {language}
          {account}
        </div>
        <details ref={drawer} className="group ml-auto md:hidden">
          <summary className="flex min-h-11 cursor-pointer list-none items-center gap-2 rounded-4 border border-solid-gray-600 px-3 text-dns-16B-130 [&::-webkit-details-marker]:hidden">
            <span aria-hidden="true" className="text-xl leading-none">☰</span>
            {t("nav.menu")}
          </summary>
          <div className="absolute left-0 right-0 z-40 mt-3 flex flex-col gap-4 border-b border-solid-gray-200 bg-white px-4 py-4 shadow-lg">
            {user ? <nav aria-label={t("nav.label")}>{links}</nav> : null}
            {language}
            {account}
          </div>
        </details>
      </div>
    </header>
  );
}
