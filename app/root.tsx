import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useEffect, useMemo, type ReactNode } from "react";
import { I18nProvider, useTranslation } from "~/utils/use-translation";
import stylesheet from "~/styles/app.css?url";
import { createI18n, DEFAULT_LOCALE } from "~/utils/i18n";
import { getSessionUser } from "~/utils/session.server";
import { resolveLocale } from "~/utils/locale.server";
import { AppHeader } from "~/components/layout/app-header";
import { FlashMessage } from "~/components/layout/flash-message";
import { readFlash } from "~/utils/flash.server";
import { serverT } from "~/utils/i18n.server";
import { notingI18n, PageStrings } from "~/utils/page-strings";
import { pageTitle } from "~/utils/meta";
import { useNonce } from "~/utils/nonce";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

import { queueScope } from "~/modules/deliverable/review.server";
import { unreadCount } from "~/modules/notification/notification.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  const locale = await resolveLocale(request, user);
  const { flash, headers } = await readFlash(request);
  // The browser gets what the header needs: name and global permissions, not enrollments.
  const viewer = user
    ? { id: user.id, displayName: user.displayName, email: user.email, permissions: user.permissions, reviews: queueScope(user) !== null, unread: await unreadCount(user.id) }
    : null;
  // the message in words: the browser holds only the strings of the routes it shows, and the
  // key came from whichever route's action redirected here
  const message = flash ? { text: serverT(locale)(flash.message, flash.params), tone: flash.tone ?? "success" } : null;
  return data({ user: viewer, locale, flash: message }, { headers });
}

export const meta: MetaFunction<typeof loader> = ({ error, matches }) => {
  if (!error) return [];
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return pageTitle(matches, `errors.${status === 403 ? "forbidden" : status === 404 ? "notFound" : "unexpected"}.title`);
};

export type RootLoaderData = Awaited<ReturnType<typeof loader>>;

export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRootData();
  const locale = data?.locale ?? DEFAULT_LOCALE;
  // on the server, strings rendered from outside the matched routes' namespaces are noted and
  // added to the page (page-strings.tsx)
  const matches = useMatches();
  const noted = useMemo(() => (typeof document === "undefined" ? new Map<string, string>() : null), []);
  const i18n = useMemo(() => (noted ? notingI18n(createI18n(locale), matches.map((m) => m.id), noted) : createI18n(locale)), [locale, noted, matches]);
  const nonce = useNonce();
  // Marks the page as interactive (browser tests wait for it before using enhanced controls).
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <I18nProvider i18n={i18n}>
          <SkipLink />
          <AppHeader user={data?.user ?? null} locale={locale} />
          <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl px-4 py-8 focus:outline-none">
            {data?.flash ? <FlashMessage flash={data.flash} /> : null}
            {children}
          </main>
        </I18nProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
        <PageStrings noted={noted} nonce={nonce} />
      </body>
    </html>
  );
}

function SkipLink() {
  const { t } = useTranslation();
  return (
    <a
      href="#main"
      className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-3"
    >
      {t("layout.skipToContent")}
    </a>
  );
}

export default function App() {
  return <Outlet />;
}

const ERROR_KEYS: Record<number, string> = { 400: "badRequest", 403: "forbidden", 404: "notFound", 413: "tooLarge", 415: "unsupported" };

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const key = ERROR_KEYS[status] ?? "unexpected";
  return (
    <section aria-labelledby="error-title" className="flex flex-col gap-4 py-8">
      <p className="text-std-16B-170 text-solid-gray-600">{t("errors.status", { status })}</p>
      <h1 id="error-title">{t(`errors.${key}.title`)}</h1>
      <p>{t(`errors.${key}.body`)}</p>
      <p>
        <a href="/">{t("errors.backHome")}</a>
      </p>
    </section>
  );
}
