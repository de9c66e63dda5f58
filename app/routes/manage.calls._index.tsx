import { Link, useLoaderData, type MetaFunction } from "@remix-run/react";
import { ActionForm } from "~/components/ui/action-form";
import { NEW_CALL_INTENTS } from "~/modules/call/manage-intents.server";
import { answerIntent, runIntent } from "~/utils/intents.server";
import { useRefusal } from "~/utils/use-refusal";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { callPhase, listCallsForStaff, type DeadlineWarning } from "~/modules/call/call.server";
import { DeadlineWarnings } from "~/components/call/deadline-warnings";
import { userHasPermission } from "~/modules/account/permissions";
import { requirePermission, requireUser } from "~/utils/session.server";
import { forbidden } from "~/utils/http.server";
import { readForm } from "~/utils/form-body.server";
import { resolveLocale } from "~/utils/locale.server";
import { fiscalYearOf, formatDateTime, formatFiscalYear } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { pageTitle } from "~/utils/meta";
import { DataTable } from "~/components/ui/data-table";
import { TextField } from "~/components/ui/text-field";
import { TextareaField } from "~/components/ui/field";
import { Button } from "~/components/ui/button";
import { Alert } from "~/components/ui/alert";
import { CallPhaseBadge } from "~/components/call/call-phase";

// Calls for applications for staff: coordinators see and open every call; reviewers the calls
// they score.

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const coordinator = userHasPermission(user, "manage:call:any");
  const calls = await listCallsForStaff(coordinator ? null : user.id);
  if (!coordinator && calls.length === 0) forbidden();
  const now = new Date();
  return { coordinator, nextFiscalYear: fiscalYearOf(now) + 1, calls: calls.map((c) => ({ ...c, phase: c.resultsPublishedAt ? ("results" as const) : callPhase(c, now) })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:call:any");
  return answerIntent(await runIntent(NEW_CALL_INTENTS, { actorId: user.id, locale: await resolveLocale(request, user) }, await readForm(request)), "/manage/calls");
}

export default function StaffCalls() {
  const { coordinator, nextFiscalYear, calls } = useLoaderData<typeof loader>();
  const a = useRefusal<{ warnings: DeadlineWarning[] }>();
  const { t } = useTranslation();
  const locale = useLocale();
  const v = (a?.values ?? {}) as Record<string, string>;
  const err = (name: string) => (a?.fieldErrors && name in a.fieldErrors ? t((a.fieldErrors as Record<string, string>)[name]!) : undefined);
  return (
    <div className="flex flex-col gap-6">
      <h1>{t("call.staffTitle")}</h1>
      <DataTable
        caption={t("call.staffTitle")}
        captionHidden
        cards
        rows={calls}
        rowKey={(c) => c.id}
        empty={t("call.noCalls")}
        columns={[
          { key: "title", header: t("call.call"), cell: (c) => <Link to={coordinator ? `/manage/calls/${c.id}` : `/manage/calls/${c.id}/applications`}>{c.title}</Link> },
          { key: "fy", header: t("academy.fiscalYear"), cell: (c) => formatFiscalYear(c.fiscalYear, locale) },
          { key: "phase", header: t("call.statusLabel"), cell: (c) => <CallPhaseBadge phase={c.phase} /> },
          { key: "deadline", header: t("call.deadlineHeader"), cell: (c) => formatDateTime(new Date(c.deadlineAt), locale) },
          { key: "apps", header: t("call.submittedCount"), cell: (c) => <Link to={`/manage/calls/${c.id}/applications`}>{c._count.applications}</Link> },
        ]}
      />
      {coordinator ? (
        <ActionForm className="flex flex-col gap-4 rounded-8 border border-solid-gray-200 p-4" noValidate>
          <h2 className="text-std-20B-150">{t("call.create")}</h2>
          {a?.fieldErrors && Object.keys(a.fieldErrors).length > 0 ? <Alert tone="error">{t("form.fixErrors")}</Alert> : null}
          <TextField label={t("call.title")} name="title" required defaultValue={v.title ?? ""} error={err("title")} />
          <TextField label={t("academy.fiscalYear")} name="fiscalYear" inputMode="numeric" required defaultValue={v.fiscalYear ?? String(nextFiscalYear)} error={err("fiscalYear")} />
          <TextareaField label={t("call.description")} name="description" rows={5} defaultValue={v.description ?? ""} error={err("description")} />
          <div className="flex flex-wrap gap-4">
            <TextField label={t("call.deadlineDate")} name="deadlineDate" type="date" required defaultValue={v.deadlineDate ?? ""} error={err("deadlineDate")} />
            <TextField label={t("call.deadlineTime")} name="deadlineTime" type="time" required hint={t("call.deadlineTimeHint")} defaultValue={v.deadlineTime ?? "17:00"} error={err("deadlineTime")} />
          </div>
          {a?.warnings ? <DeadlineWarnings warnings={a.warnings} /> : null}
          <div><Button type="submit">{t("call.createButton")}</Button></div>
        </ActionForm>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "call.staffTitle");
