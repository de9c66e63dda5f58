import { Form, Link, useLoaderData, type MetaFunction } from "@remix-run/react";
import { ActionForm } from "~/components/ui/action-form";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { requireUser } from "~/utils/session.server";
import { getCalendarToken, sessionsBetween } from "~/modules/calendar/calendar.server";
import { regionOptions } from "~/modules/region/region.server";
import { userHasPermission } from "~/modules/account/permissions";
import { holidayOn } from "~/modules/schedule/rules";
import { env } from "~/utils/env.server";
import { formatDate, formatTime, fromTokyo, tokyoParts } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { SelectField } from "~/components/ui/field";
import { Button } from "~/components/ui/button";
import { MonthGrid } from "~/components/calendar/month-grid";
import { pageTitle } from "~/utils/meta";
import { readForm } from "~/utils/form-body.server";
import { CALENDAR_INTENTS } from "~/modules/calendar/intents.server";
import { answerIntent, runIntent } from "~/utils/intents.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const now = tokyoParts(new Date());
  const match = /^(\d{4})-(\d{2})$/.exec(url.searchParams.get("month") ?? "");
  const year = match ? Number(match[1]) : now.year;
  const month = match && Number(match[2]) >= 1 && Number(match[2]) <= 12 ? Number(match[2]) : now.month;
  const view = url.searchParams.get("view") === "list" ? "list" : "month";
  const regionId = url.searchParams.get("regionId") || undefined;
  const from = fromTokyo(year, month, 1);
  const to = view === "list" ? fromTokyo(year + 1, month, 1) : fromTokyo(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1);
  const token = await getCalendarToken(user.id);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const holidays: Record<number, { name: string; nameEn: string }> = {};
  for (let day = 1; day <= daysInMonth; day++) {
    const holiday = holidayOn(fromTokyo(year, month, day, 12));
    if (holiday) holidays[day] = holiday;
  }
  return {
    year,
    month,
    view,
    regionId: regionId ?? "",
    sessions: await sessionsBetween(user, from, to, regionId),
    regions: userHasPermission(user, "read:academy:any") ? (await regionOptions()).map((r) => ({ id: r.id, name: r.name })) : [],
    holidays,
    today: now.year === year && now.month === month ? now.day : null,
    feedUrl: token ? `${env().appUrl}/calendar/feed/${token}.ics` : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  return answerIntent(await runIntent(CALENDAR_INTENTS, { userId: user.id }, await readForm(request)), "/calendar");
}

function monthParam(year: number, month: number) {
  return `${year}-${String(month).padStart(2, "0")}`;
}

export default function CalendarPage() {
  const { year, month, view, regionId, sessions, regions, feedUrl, holidays, today } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const prev = month === 1 ? monthParam(year - 1, 12) : monthParam(year, month - 1);
  const next = month === 12 ? monthParam(year + 1, 1) : monthParam(year, month + 1);
  const keep = (extra: Record<string, string>) => `?${new URLSearchParams({ view, ...(regionId ? { regionId } : {}), ...extra })}`;
  return (
    <div className="flex flex-col gap-6">
      <h1>{t("calendar.title")}</h1>
      <Form method="get" className="flex flex-wrap items-end gap-4">
        <input type="hidden" name="month" value={monthParam(year, month)} />
        <SelectField label={t("calendar.view")} name="view" defaultValue={view}>
          <option value="month">{t("calendar.monthView")}</option>
          <option value="list">{t("calendar.listView")}</option>
        </SelectField>
        {regions.length > 0 ? (
          <SelectField label={t("academy.region")} name="regionId" defaultValue={regionId}>
            <option value="">{t("filter.all")}</option>
            {regions.map((r) => (
              <option key={r.id} value={r.id}>{r.name}</option>
            ))}
          </SelectField>
        ) : null}
        <Button type="submit" variant="secondary">{t("filter.apply")}</Button>
      </Form>
      <nav aria-label={t("calendar.monthNav")} className="flex items-center gap-4">
        <Link to={keep({ month: prev })}>{t("calendar.prev")}</Link>
        <h2 className="text-std-24B-150" aria-live="polite">
          {view === "list" ? t("calendar.fromMonth", { year, month }) : t("calendar.monthTitle", { year, month })}
        </h2>
        <Link to={keep({ month: next })}>{t("calendar.next")}</Link>
      </nav>
      {view === "month" ? (
        <>
          {/* A month grid does not fit a phone: there the same month opens as a list. */}
          <div className="hidden md:block">
            <MonthGrid year={year} month={month} sessions={sessions} holidays={holidays} today={today} />
          </div>
          <div className="md:hidden">
            {sessions.length === 0 ? <p>{t("dashboard.noUpcomingSessions")}</p> : <SessionListView sessions={sessions} />}
          </div>
        </>
      ) : sessions.length === 0 ? (
        <p>{t("dashboard.noUpcomingSessions")}</p>
      ) : (
        <SessionListView sessions={sessions} />
      )}
      <section id="feed" aria-labelledby="feed-heading" className="flex flex-col gap-2 rounded-8 border border-solid-gray-200 p-4">
        <h2 id="feed-heading" className="text-std-20B-150">{t("calendar.feedTitle")}</h2>
        <p>{t("calendar.feedLead")}</p>
        {feedUrl ? (
          <>
            <label htmlFor="feed-url" className="font-bold">{t("calendar.feedUrl")}</label>
            <input id="feed-url" readOnly value={feedUrl} className="min-h-12 rounded-8 border border-solid-gray-600 px-3 font-mono text-dns-14N-130" />
            <p className="text-dns-14N-130 text-solid-gray-600">{t("calendar.feedSecret")}</p>
          </>
        ) : null}
        <ActionForm className="flex flex-wrap gap-3">
          <Button type="submit" name="intent" value="issueFeed" variant="secondary">
            {feedUrl ? t("calendar.feedRotate") : t("calendar.feedIssue")}
          </Button>
          {feedUrl ? (
            <Button type="submit" name="intent" value="revokeFeed" variant="danger">{t("calendar.feedRevoke")}</Button>
          ) : null}
        </ActionForm>
      </section>
    </div>
  );
}

function SessionListView({ sessions }: { sessions: { id: string; startsAt: string | Date; endsAt: string | Date; sequence: number; title: string; venueName: string; onlineUrl: string; academy: { id: string; name: string } }[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <ul className="flex flex-col divide-y divide-solid-gray-200 rounded-8 border border-solid-gray-200">
      {sessions.map((s) => (
        <li key={s.id} className="flex flex-col gap-1 p-3 md:flex-row md:gap-4">
          <span className="font-bold md:w-72">
            {formatDate(new Date(s.startsAt), locale)} {formatTime(new Date(s.startsAt))}〜{formatTime(new Date(s.endsAt))}
          </span>
          <Link to={`/academies/${s.academy.id}`}>
            {s.academy.name} {t("session.numbered", { n: s.sequence })} {s.title}
          </Link>
          <span className="text-solid-gray-600">{s.venueName || (s.onlineUrl ? t("session.online") : "")}</span>
        </li>
      ))}
    </ul>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "calendar.title");
