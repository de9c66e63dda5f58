import { useActionData, useFetcher, useLoaderData, type MetaFunction } from "@remix-run/react";
import { ActionForm } from "~/components/ui/action-form";
import { Breadcrumbs, academyCrumbs } from "~/components/ui/breadcrumbs";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { requireAcademyContext } from "~/utils/academy-context.server";
import { getSession } from "~/modules/schedule/session.server";
import { sessionAttendance, summarise, type AttendanceRow } from "~/modules/attendance/attendance.server";
import { ATTENDANCE_STATUSES, attendanceOpen } from "~/modules/attendance/rules";
import { invariantFound } from "~/utils/http.server";
import { readForm } from "~/utils/form-body.server";
import { ATTENDANCE_INTENTS } from "~/modules/attendance/intents.server";
import { answerIntent, runIntent } from "~/utils/intents.server";
import { formatTimeRange } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { pageTitle } from "~/utils/meta";

// Taking attendance in the room: one tap per person, works on a narrow screen; every change is audited.


async function load(request: Request, academyId?: string, sessionId?: string) {
  const context = await requireAcademyContext(request, academyId, "runSessions");
  const session = invariantFound(await getSession(context.academy.id, sessionId ?? ""));
  return { context, session };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { context, session } = await load(request, params.academyId, params.sessionId);
  const rows = await sessionAttendance(context.academy.id, session.id);
  const open = attendanceOpen(session.startsAt, new Date());
  return { academy: context.academy, session: { id: session.id, sequence: session.sequence, startsAt: session.startsAt.toISOString(), endsAt: session.endsAt.toISOString() }, open, rows, summary: summarise(rows) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { context, session } = await load(request, params.academyId, params.sessionId);
  const page = { actorId: context.user.id, academyId: context.academy.id, sessionId: session.id };
  // the page reloads its list after the action, with or without JavaScript
  return answerIntent(await runIntent(ATTENDANCE_INTENTS, page, await readForm(request)), `/academies/${context.academy.id}/sessions/${session.id}/attendance`);
}

const TONE: Record<string, string> = {
  present: "aria-pressed:bg-green-800 aria-pressed:border-green-800",
  late: "aria-pressed:bg-orange-800 aria-pressed:border-orange-800",
  absent: "aria-pressed:bg-red-900 aria-pressed:border-red-900",
  excused: "aria-pressed:bg-solid-gray-700 aria-pressed:border-solid-gray-700",
};

function PersonRow({ row, open }: { row: AttendanceRow; open: boolean }) {
  const fetcher = useFetcher<typeof action>();
  const { t } = useTranslation();
  const pending = fetcher.formData?.get("status");
  const status = typeof pending === "string" ? pending : row.status;
  const error = fetcher.data && !fetcher.data.ok ? fetcher.data.reason : null;
  return (
    <li className="flex flex-col gap-2 border-b border-solid-gray-200 py-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <span id={`name-${row.enrollmentId}`} className="text-std-18B-160">{row.displayName}</span>
        <span className="text-dns-14N-130 text-solid-gray-700">{row.teamName ?? t("attendance.noTeam")}</span>
      </div>
      {open ? (
        <fetcher.Form method="post" className="grid grid-cols-2 gap-2 sm:grid-cols-4" aria-labelledby={`name-${row.enrollmentId}`} role="group">
        <input type="hidden" name="intent" value="mark" />
        <input type="hidden" name="enrollmentId" value={row.enrollmentId} />
        {ATTENDANCE_STATUSES.map((s) => (
          <button
            key={s}
            type="submit"
            name="status"
            value={s}
            aria-pressed={status === s}
            className={`min-h-12 rounded-8 border-2 border-solid-gray-500 bg-white px-3 text-oln-16B-100 text-solid-gray-900 aria-pressed:text-white ${TONE[s]}`}
          >
            {status === s ? <span aria-hidden="true">✓ </span> : null}
            {t(`attendance.status.${s}`)}
          </button>
        ))}
        </fetcher.Form>
      ) : null}
      {error ? <p role="alert" className="text-error-2">{t(error)}</p> : null}
    </li>
  );
}

export default function AttendancePage() {
  const { academy, session, open, rows, summary } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="flex max-w-3xl flex-col gap-4">
      <Breadcrumbs
        items={[...academyCrumbs(t, academy), { label: t("session.numbered", { n: session.sequence }), to: `/academies/${academy.id}/sessions/${session.id}` }, { label: t("attendance.title") }]}
      />
      <h1>{t("attendance.titleNumbered", { n: session.sequence })}</h1>
      <p>{formatTimeRange(new Date(session.startsAt), new Date(session.endsAt), locale)}</p>
      {open ? null : <Alert tone="info">{t("attendance.notYet")}</Alert>}
      <p aria-live="polite">{t("attendance.summary", summary)}</p>
      {actionData && !actionData.ok && !actionData.form.startsWith("person-") ? <Alert tone="error">{t(actionData.reason)}</Alert> : null}
      {open && summary.unmarked > 0 ? (
        <ActionForm>
          <input type="hidden" name="intent" value="restPresent" />
          <Button type="submit" variant="secondary">{t("attendance.restPresent", { count: summary.unmarked })}</Button>
        </ActionForm>
      ) : null}
      {rows.length === 0 ? <p>{t("attendance.nobody")}</p> : null}
      <ul className="flex flex-col">
        {rows.map((row) => (
          <PersonRow key={row.enrollmentId} row={row} open={open} />
        ))}
      </ul>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, "attendance.titleNumbered", { n: data?.session.sequence ?? "" });
