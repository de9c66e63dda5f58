import { Link, useLoaderData, type MetaFunction } from "@remix-run/react";
import { ActionForm } from "~/components/ui/action-form";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { callForStaff, callPhase } from "~/modules/call/call.server";
import { rankedApplications, reviewerRole } from "~/modules/call/selection.server";
import { APPLICATIONS_INTENTS } from "~/modules/call/selection-intents.server";
import { answerIntent, runIntent } from "~/utils/intents.server";
import { useRefusal } from "~/utils/use-refusal";
import { requireUser } from "~/utils/session.server";
import { forbidden, invariantFound } from "~/utils/http.server";
import { readForm } from "~/utils/form-body.server";
import { formatDateTime } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { pageTitle } from "~/utils/meta";
import { DataTable } from "~/components/ui/data-table";
import { Button } from "~/components/ui/button";
import { ConfirmButton } from "~/components/ui/confirm-button";
import { Alert } from "~/components/ui/alert";

// The ranked list per track: score (weighted mean of every reviewer, shown to a reviewer once
// they have scored), decision, places left; coordinators mail the decisions and publish the result.

async function context(request: Request, callId: string) {
  const user = await requireUser(request);
  const call = invariantFound(await callForStaff(callId.slice(0, 64)));
  const role = await reviewerRole(user, call.id);
  if (!role) forbidden();
  return { user, call, role };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, call, role } = await context(request, String(params.callId ?? ""));
  const ranked = await rankedApplications(call.id, user, role);
  return { call, role, ranked, phase: callPhase(call, new Date()) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, call, role } = await context(request, String(params.callId ?? ""));
  return answerIntent(await runIntent(APPLICATIONS_INTENTS, { actorId: user.id, call, role }, await readForm(request)), `/manage/calls/${call.id}/applications`);
}

export default function RankedApplications() {
  const { call, role, ranked, phase } = useLoaderData<typeof loader>();
  const a = useRefusal();
  const { t } = useTranslation();
  const locale = useLocale();
  const unmailed = ranked.filter((r) => r.decision && !r.mailed).length;
  return (
    <div className="flex flex-col gap-6">
      <p><Link to={role === "manager" ? `/manage/calls/${call.id}` : "/manage/calls"}>{t("call.backTo", { title: call.title })}</Link></p>
      <h1>{t("call.applicationsTitle", { title: call.title })}</h1>
      <p>{t(phase === "open" ? "call.stillOpen" : "call.closedOn", { date: formatDateTime(new Date(call.deadlineAt), locale) })}</p>
      {a ? <Alert tone="error">{t(a.reason)}</Alert> : null}
      {role === "reviewer" ? <p className="text-dns-14N-130">{t("call.reviewerNote")}</p> : null}
      <p className="flex flex-wrap gap-4">
        <a href={`/manage/calls/${call.id}/applications/export/xlsx`} download>{t("call.export.xlsx")}</a>
        <a href={`/manage/calls/${call.id}/applications/export/csv`} download>{t("call.export.csv")}</a>
      </p>
      {call.tracks.map((track) => {
        const rows = ranked.filter((r) => r.trackId === track.id);
        const selected = rows.filter((r) => r.decision === "selected").length;
        return (
          <section key={track.id} aria-labelledby={`track-${track.id}`} className="flex flex-col gap-3">
            <h2 id={`track-${track.id}`}>{track.label}</h2>
            <p className={selected >= track.places ? "font-bold" : ""}>{t("call.placesLeft", { left: Math.max(0, track.places - selected), places: track.places, count: rows.length })}</p>
            <DataTable
              caption={t("call.rankedCaption", { track: track.label })}
              captionHidden
              cards
              rows={rows}
              rowKey={(r) => r.id}
              empty={t("call.noSubmitted")}
              columns={[
                { key: "who", header: t("call.applicant"), cell: (r) => <><Link to={`/manage/calls/${call.id}/applications/${r.id}`}>{r.names ?? t("call.unnamed")}</Link><span className="block text-dns-14N-130 text-solid-gray-700">{r.prefecture}</span></> },
                { key: "score", header: t("call.score"), cell: (r) => (r.score === null ? (r.scoredByMe || role === "manager" ? "—" : t("call.scoreHidden")) : `${Math.round(r.score * 100)}`) },
                { key: "reviewers", header: t("call.reviewerCount"), cell: (r) => (r.reviewers === null ? "—" : String(r.reviewers)) },
                { key: "mine", header: t("call.myScore"), cell: (r) => (r.scoredByMe ? t("call.scored") : t("call.notScored")) },
                { key: "decision", header: t("call.decision"), cell: (r) => (r.decision ? `${t(`call.decisionValue.${r.decision}`)}${r.mailed ? ` ${t("call.mailedMark")}` : ""}` : "—") },
              ]}
            />
          </section>
        );
      })}
      {role === "manager" ? (
        <div className="flex flex-wrap gap-3 rounded-8 border border-solid-gray-200 p-4">
          <ActionForm>
            <input type="hidden" name="intent" value="mail" />
            <ConfirmButton disabled={unmailed === 0} confirm={t("call.confirmMail", { count: unmailed })}>{t("call.mailDecisions", { count: unmailed })}</ConfirmButton>
          </ActionForm>
          <ActionForm>
            <input type="hidden" name="intent" value={call.resultsPublishedAt ? "unpublishResults" : "publishResults"} />
            <Button type="submit" variant="secondary">{t(call.resultsPublishedAt ? "call.unpublishResults" : "call.publishResults")}</Button>
          </ActionForm>
        </div>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "call.staffTitle");
