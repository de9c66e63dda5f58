import { Link, useLoaderData, type MetaFunction } from "@remix-run/react";
import { ActionForm } from "~/components/ui/action-form";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { requireUser } from "~/utils/session.server";
import { listNotifications, mailSettings, NOTIFICATION_PAGE_SIZE } from "~/modules/notification/notification.server";
import { NOTIFICATION_KINDS, notificationText } from "~/modules/notification/kinds";
import { readForm } from "~/utils/form-body.server";
import { NOTIFICATION_INTENTS } from "~/modules/notification/intents.server";
import { answerIntent, runIntent } from "~/utils/intents.server";
import { formatDateTime } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { pageTitle } from "~/utils/meta";
import { Button } from "~/components/ui/button";
import { Pagination } from "~/components/ui/pagination";
import { pageNumber } from "~/utils/page-number";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const page = pageNumber(new URL(request.url).searchParams.get("page"));
  const [list, settings] = await Promise.all([listNotifications(user.id, page), mailSettings(user.id)]);
  return { ...list, page, pages: Math.max(1, Math.ceil(list.total / NOTIFICATION_PAGE_SIZE)), settings };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  return answerIntent(await runIntent(NOTIFICATION_INTENTS, { userId: user.id }, await readForm(request)), "/notifications");
}

export default function Notifications() {
  const { items, unread, page, pages, settings } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="flex flex-col gap-8">
      <h1>{t("notification.title")}</h1>
      <section aria-labelledby="list-heading" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center gap-4">
          <h2 id="list-heading">{t("notification.unreadCount", { count: unread })}</h2>
          {unread > 0 ? (
            <ActionForm>
              <input type="hidden" name="intent" value="readAll" />
              <Button type="submit" size="sm" variant="secondary">{t("notification.markAllRead")}</Button>
            </ActionForm>
          ) : null}
        </div>
        {items.length === 0 ? <p>{t("notification.empty")}</p> : null}
        <ul className="flex flex-col gap-2">
          {items.map((n) => (
            <li key={n.id} className={`rounded-8 border p-3 ${n.readAt ? "border-solid-gray-420 bg-white" : "border-2 border-blue-900 bg-blue-50"}`}>
              <ActionForm className="flex flex-wrap items-center gap-3">
                <input type="hidden" name="intent" value="open" />
                <input type="hidden" name="id" value={n.id} />
                {n.readAt ? null : <span className="rounded-4 bg-blue-900 px-2 text-dns-14B-120 text-white">{t("notification.unread")}</span>}
                <button type="submit" className="text-left text-std-16N-170 text-blue-1000 underline">
                  {notificationText(t as never, n.messageKey, n.params)}
                </button>
                <span className="text-dns-14N-130 text-solid-gray-700">{formatDateTime(new Date(n.createdAt), locale)}</span>
              </ActionForm>
            </li>
          ))}
        </ul>
        <Pagination page={page} pages={pages} href={(p) => `?page=${p}`} />
      </section>
      <section aria-labelledby="settings-heading" className="flex flex-col gap-3">
        <h2 id="settings-heading">{t("notification.settingsHeading")}</h2>
        <ActionForm className="flex flex-col gap-3">
          <input type="hidden" name="intent" value="settings" />
          <fieldset className="flex flex-col gap-2">
            <legend className="text-std-16B-170">{t("notification.mailLegend")}</legend>
            {NOTIFICATION_KINDS.map((kind) => (
              <label key={kind} className="flex min-h-11 items-center gap-3">
                <input type="checkbox" name="mail" value={kind} defaultChecked={settings[kind]} className="size-5" />
                {t(`notification.kind.${kind}`)}
              </label>
            ))}
          </fieldset>
          <div>
            <Button type="submit">{t("form.save")}</Button>
          </div>
        </ActionForm>
        <p className="text-dns-14N-130 text-solid-gray-700">
          {t("notification.settingsHint")} <Link to="/dashboard">{t("nav.dashboard")}</Link>
        </p>
      </section>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "notification.title");
