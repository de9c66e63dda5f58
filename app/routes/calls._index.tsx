import { Link, useLoaderData, type MetaFunction } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { callPhase, listPublicCalls } from "~/modules/call/call.server";
import { formatDateTime, formatFiscalYear } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { pageTitle } from "~/utils/meta";
import { CallPhaseBadge } from "~/components/call/call-phase";

// The public list of calls for applications (募集): anyone, no sign-in.

export async function loader() {
  const now = new Date();
  const calls = await listPublicCalls(now);
  return { calls: calls.map((c) => ({ ...c, phase: c.resultsPublishedAt ? ("results" as const) : callPhase({ publishedAt: now, deadlineAt: c.deadlineAt }, now) })) };
}

export default function PublicCalls() {
  const { calls } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="flex flex-col gap-6">
      <h1>{t("call.publicTitle")}</h1>
      <p>{t("call.publicIntro")}</p>
      {calls.length === 0 ? <p>{t("call.noneOpen")}</p> : null}
      <ul className="flex flex-col gap-4">
        {calls.map((c) => (
          <li key={c.id} className="flex flex-col gap-2 rounded-8 border border-solid-gray-420 p-4">
            <p className="flex flex-wrap items-center gap-3">
              <span className="text-solid-gray-700">{formatFiscalYear(c.fiscalYear, locale, true)}</span>
              <CallPhaseBadge phase={c.phase} />
            </p>
            <h2 className="text-std-20B-150"><Link to={`/calls/${c.id}`}>{c.title}</Link></h2>
            <p>{t("call.deadline", { date: formatDateTime(new Date(c.deadlineAt), locale) })}</p>
            <p className="text-dns-14N-130 text-solid-gray-700">{c.tracks.map((tr) => t("call.trackPlaces", { label: tr.label, count: tr.places })).join(" / ")}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "call.publicTitle");
