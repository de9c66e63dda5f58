import { Link, useLoaderData, type MetaFunction } from "@remix-run/react";
import { ActionForm } from "~/components/ui/action-form";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { callPhase, publicCall } from "~/modules/call/call.server";
import { CALL_PAGE_INTENTS } from "~/modules/call/application-intents.server";
import { answerIntent, runIntent } from "~/utils/intents.server";
import { useRefusal } from "~/utils/use-refusal";
import { getSessionUser, requireUser } from "~/utils/session.server";
import { invariantFound } from "~/utils/http.server";
import { readForm } from "~/utils/form-body.server";
import { formatDateTime, formatFiscalYear } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { pageTitle } from "~/utils/meta";
import { Button } from "~/components/ui/button";
import { Alert } from "~/components/ui/alert";
import { CallPhaseBadge } from "~/components/call/call-phase";

// One published call for anyone: what it is for, its tracks and places, the deadline, the
// documents, how to apply; after selection, the governments selected (names only).

export async function loader({ request, params }: LoaderFunctionArgs) {
  const call = invariantFound(await publicCall(String(params.callId ?? "").slice(0, 64)));
  const user = await getSessionUser(request);
  const now = new Date();
  return { call, phase: callPhase({ publishedAt: now, deadlineAt: call.deadlineAt }, now), signedIn: Boolean(user) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const callId = String(params.callId ?? "").slice(0, 64);
  return answerIntent(await runIntent(CALL_PAGE_INTENTS, { userId: user.id, callId }, await readForm(request)), `/calls/${callId}`);
}

export default function PublicCall() {
  const { call, phase, signedIn } = useLoaderData<typeof loader>();
  const actionData = useRefusal<{ params: Record<string, string | number> }>();
  const { t } = useTranslation();
  const locale = useLocale();
  const open = phase === "open";
  return (
    <div className="flex flex-col gap-6">
      <p><Link to="/calls">{t("call.backToList")}</Link></p>
      <p className="flex flex-wrap items-center gap-3">
        <span className="text-solid-gray-700">{formatFiscalYear(call.fiscalYear, locale, true)}</span>
        <CallPhaseBadge phase={call.resultsPublishedAt ? "results" : phase} />
      </p>
      <h1>{call.title}</h1>
      <p className="text-std-20B-150">{t(open ? "call.deadline" : "call.closedOn", { date: formatDateTime(new Date(call.deadlineAt), locale) })}</p>
      {actionData ? (
        <Alert tone="error">{t(actionData.reason, { ...actionData.params, state: actionData.params?.state ? t(`call.applicationState.${actionData.params.state}`) : "" })}</Alert>
      ) : null}
      {call.description ? <div className="whitespace-pre-wrap">{call.description}</div> : null}
      <section aria-labelledby="tracks-heading" className="flex flex-col gap-3">
        <h2 id="tracks-heading">{t("call.tracks")}</h2>
        <ul className="flex flex-col gap-3">
          {call.tracks.map((tr) => (
            <li key={tr.id} className="flex flex-wrap items-center justify-between gap-3 rounded-8 border border-solid-gray-420 p-4">
              <span>
                <span className="text-std-18B-160">{tr.label}</span> <span className="text-solid-gray-700">{t("call.placesCount", { count: tr.places })}</span>
              </span>
              {open && signedIn ? (
                <ActionForm>
                  <input type="hidden" name="trackId" value={tr.id} />
                  <Button type="submit" aria-label={t("call.applyTo", { track: tr.label })}>{t("call.apply")}</Button>
                </ActionForm>
              ) : null}
            </li>
          ))}
        </ul>
        {open && !signedIn ? (
          <p className="flex flex-wrap gap-4">
            <Link to={`/calls/${call.id}/register`} className="rounded-8 bg-blue-900 px-6 py-3 text-white no-underline hover:bg-blue-1000 hover:text-white">{t("call.registerToApply")}</Link>
            <Link to={`/login?redirectTo=${encodeURIComponent(`/calls/${call.id}`)}`}>{t("call.signInToApply")}</Link>
          </p>
        ) : null}
        {!open ? <p>{t("call.notAccepting")}</p> : null}
      </section>
      {call.documents.length > 0 ? (
        <section aria-labelledby="documents-heading" className="flex flex-col gap-2">
          <h2 id="documents-heading">{t("call.documents")}</h2>
          <ul className="ml-6 list-disc">
            {call.documents.map((d) => (
              <li key={d.id}>
                <a href={`/calls/${call.id}/documents/${d.id}`}>{d.fileName}</a> <span className="text-solid-gray-700">({Math.max(1, Math.round(d.storedFile.size / 1024))} KB)</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {call.resultsPublishedAt ? (
        <section aria-labelledby="results-heading" className="flex flex-col gap-3">
          <h2 id="results-heading">{t("call.results")}</h2>
          {call.tracks.map((tr) => {
            const names = call.results.filter((r) => r.trackId === tr.id).map((r) => r.names);
            return (
              <div key={tr.id}>
                <h3 className="text-std-18B-160">{tr.label}</h3>
                {names.length ? <ul className="ml-6 list-disc">{names.map((n) => <li key={n}>{n}</li>)}</ul> : <p>{t("call.noneSelected")}</p>}
              </div>
            );
          })}
        </section>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data: d }) => pageTitle(matches, "call.publicTitle", { title: d?.call.title });
