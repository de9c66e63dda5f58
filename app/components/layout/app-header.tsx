import { NavLink, useLocation } from "@remix-run/react";
import { ActionForm } from "~/components/ui/action-form";
import { useEffect, useRef } from "react";
import { useTranslation } from "~/utils/use-translation";
import type { AppLocale } from "~/utils/dates";
import { userHasPermission, type PermissionString } from "~/modules/account/permissions";

type NavGroup = "main" | "reports" | "admin";

interface NavItem {
  to: string;
  label: string;
  /** main: always in the header's row; reports and admin: grouped under one menu when the row would hold more than six */
  group: NavGroup;
  permission?: PermissionString;
  /** shown to reviewers (facilitators, coordinators) */
  reviewers?: boolean;
  /** shown to anyone signed in */
  signedIn?: boolean;
}

const NAV: NavItem[] = [
  { to: "/dashboard", label: "nav.dashboard", group: "main" },
  { to: "/academies", label: "nav.academies", group: "main" },
  { to: "/calendar", label: "nav.calendar", group: "main" },
  { to: "/reviews", label: "nav.reviews", group: "main", reviewers: true },
  { to: "/progress", label: "nav.progress", group: "main", reviewers: true },
  { to: "/reports/kpi", label: "nav.kpi", group: "reports", permission: "read:report" },
  { to: "/cases", label: "nav.cases", group: "reports" },
  { to: "/consultations", label: "nav.consultations", group: "reports", signedIn: true },
  { to: "/regions", label: "nav.regions", group: "admin", permission: "manage:region" },
  { to: "/materials", label: "nav.materials", group: "admin", permission: "manage:catalogue" },
  { to: "/manage/calls", label: "nav.calls", group: "admin", permission: "manage:call" },
  { to: "/facilitators", label: "nav.facilitators", group: "admin", permission: "read:facilitator_pool" },
  { to: "/outbox", label: "nav.outbox", group: "admin", permission: "read:outbox" },
  { to: "/audit", label: "nav.audit", group: "admin", permission: "read:audit" },
  { to: "/settings/api-tokens", label: "nav.apiTokens", group: "admin", permission: "manage:api_token" },
];

/** At most this many items in the header's row (DADS header); the rest under one menu, by group. */
const ROW_ITEMS = 6;

/** The header's row and the grouped rest, for what this person may open. */
export function navigationOf(user: HeaderUser | null) {
  const items = NAV.filter((item) => (!item.permission || userHasPermission(user, item.permission)) && (!item.reviewers || user?.reviews) && (!item.signedIn || user));
  if (items.length <= ROW_ITEMS) return { row: items, more: [] as { group: NavGroup; items: NavItem[] }[] };
  const row = items.filter((i) => i.group === "main");
  const more = (["reports", "admin"] as const).map((group) => ({ group, items: items.filter((i) => i.group === group) })).filter((g) => g.items.length > 0);
  return { row, more };
}

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
  const { row, more } = navigationOf(user);
  const moreMenu = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (drawer.current) drawer.current.open = false;
    if (moreMenu.current) moreMenu.current.open = false;
  }, [location.pathname]);
  useEffect(() => {
    // Escape closes an open menu and gives focus back to its button; a click elsewhere closes it
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      for (const menu of [moreMenu.current, drawer.current]) {
        if (menu?.open) {
          menu.open = false;
          menu.querySelector("summary")?.focus();
        }
      }
    };
    const onClick = (event: MouseEvent) => {
      const menu = moreMenu.current;
      if (menu?.open && !menu.contains(event.target as Node)) menu.open = false;
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("click", onClick);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("click", onClick);
    };
  }, []);
  const link = (item: NavItem) => (
    <li key={item.to}>
      <NavLink to={item.to} className="block rounded-4 px-2 py-2 text-dns-16B-130 aria-[current=page]:bg-blue-50 aria-[current=page]:no-underline md:py-1">
        {t(item.label)}
      </NavLink>
    </li>
  );
  const groups = (where: "row" | "drawer") => (
    <div className="flex flex-col gap-3 md:flex-row md:gap-8">
      {more.map((g) => (
        <section key={g.group} aria-labelledby={`nav-${where}-${g.group}`}>
          <h2 id={`nav-${where}-${g.group}`} className="px-2 text-dns-14B-120 text-solid-gray-700">
            {t(`nav.group.${g.group}`)}
          </h2>
          <ul className="flex flex-col gap-1">{g.items.map(link)}</ul>
        </section>
      ))}
    </div>
  );
  const inMore = more.some((g) => g.items.some((i) => location.pathname.startsWith(i.to)));
  const links = (
    <ul className="flex flex-col gap-1 md:flex-row md:flex-wrap md:items-center md:gap-x-1">
      {row.map(link)}
      {more.length > 0 ? (
        <li>
          <details ref={moreMenu} className="relative">
            <summary
              className={`flex cursor-pointer list-none items-center gap-1 rounded-4 px-2 py-1 text-dns-16B-130 text-blue-1000 underline [&::-webkit-details-marker]:hidden ${inMore ? "bg-blue-50" : ""}`}
            >
              {t("nav.more")}
              <span aria-hidden="true">▾</span>
            </summary>
            <div className="absolute left-0 z-40 mt-2 w-max rounded-8 border border-solid-gray-420 bg-white p-4 shadow-lg">{groups("row")}</div>
          </details>
        </li>
      ) : null}
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
      <ActionForm action="/logout">
        <button type="submit" className="rounded-4 px-2 py-1 text-dns-16B-130 text-blue-1000 underline">
          {t("nav.signOut")}
        </button>
      </ActionForm>
    </div>
  ) : null;
  const language = (
    // A full reload: the browser holds the strings of one language only.
    <ActionForm action="/set-locale" reloadDocument className="flex items-center gap-1" aria-label={t("layout.language")}>
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
    </ActionForm>
  );
  return (
    <header className="no-print border-b border-solid-gray-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
        <a href={user ? "/dashboard" : "/login"} className="text-std-20B-150 text-solid-gray-900 no-underline">
          {t("app.name")}
        </a>
        <div className="flex-1" />
        <div className="hidden items-center gap-4 md:flex">
          {language}
          {account}
        </div>
        {user ? (
          // its own row under the name and the account (DADS header): one line of at most six items
          <nav aria-label={t("nav.label")} className="hidden basis-full md:block">
            {links}
          </nav>
        ) : null}
        <details ref={drawer} className="group ml-auto md:hidden">
          <summary className="flex min-h-11 cursor-pointer list-none items-center gap-2 rounded-4 border border-solid-gray-600 px-3 text-dns-16B-130 [&::-webkit-details-marker]:hidden">
            <span aria-hidden="true" className="text-xl leading-none">☰</span>
            {t("nav.menu")}
          </summary>
          <div className="absolute left-0 right-0 z-40 mt-3 flex flex-col gap-4 border-b border-solid-gray-200 bg-white px-4 py-4 shadow-lg">
            {user ? (
              <nav aria-label={t("nav.label")} className="flex flex-col gap-3">
                <ul className="flex flex-col gap-1">{row.map(link)}</ul>
                {groups("drawer")}
              </nav>
            ) : null}
            {language}
            {account}
          </div>
        </details>
      </div>
    </header>
  );
}
