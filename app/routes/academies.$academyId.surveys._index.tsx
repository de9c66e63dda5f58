import { Link, useLoaderData, type MetaFunction } from "@remix-run/react";
import { ActionForm } from "~/components/ui/action-form";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { requireAcademyContext } from "~/utils/academy-context.server";
import { academySurveys, isOpen, MIN_ANSWERS_SHOWN, myAnswers, surveyComments, surveyKey, surveyResults, surveysAnonymous } from "~/modules/survey/survey.server";
import { SKILL_ITEMS, surveyParam } from "~/modules/survey/items";
import { readForm } from "~/utils/form-body.server";
import { SURVEYS_INTENTS } from "~/modules/survey/intents.server";
import { answerIntent, runIntent } from "~/utils/intents.server";
import { formatDate, formatDateTime } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { Button } from "~/components/ui/button";
import { ResponseRateChart, SatisfactionChart, SkillsChart } from "~/components/survey/survey-charts";
import { pageTitle } from "~/utils/meta";

// Surveys of an academy: participants see what to answer; staff see the results as charts with tables.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requireAcademyContext(request, params.academyId);
  const academyId = context.academy.id;
  const now = new Date();
  const surveys = await academySurveys(academyId);
  const participant = context.can.workInTeam;
  const answered = participant ? await myAnswers(academyId, context.user.id) : new Map<string, Date>();
  const list = surveys.map((s) => ({
    param: surveyParam(s.kind, s.sessionId),
    kind: s.kind,
    sequence: s.sequence,
    opensAt: s.opensAt?.toISOString() ?? null,
    closesAt: s.closesAt?.toISOString() ?? null,
    open: isOpen(s, now),
    answeredAt: answered.get(surveyKey(s.kind, s.sessionId))?.toISOString() ?? null,
  }));
  if (!context.can.seeSurveyResults) return { academy: context.academy, participant, list, results: null };
  const anonymous = await surveysAnonymous(academyId);
  const { bySurvey, participants } = await surveyResults(academyId, anonymous);
  const withheld = [...bySurvey].filter(([, r]) => !r.shown).map(([key]) => key);
  const comments = await surveyComments(academyId, !anonymous, withheld);
  const pre = bySurvey.get("skills_pre");
  const post = bySurvey.get("skills_post");
  const sessionsById = new Map(surveys.filter((s) => s.sessionId).map((s) => [s.sessionId!, s.sequence!]));
  return {
    academy: context.academy,
    participant,
    list,
    results: {
      anonymous,
      canChange: context.can.manageAcademy,
      participants,
      skills: SKILL_ITEMS.map((item) => ({ item, pre: pre?.means[item] ?? null, post: post?.means[item] ?? null })),
      nPre: pre?.n ?? 0,
      nPost: post?.n ?? 0,
      rates: surveys.map((s) => {
        const key = surveyKey(s.kind, s.sessionId);
        const n = bySurvey.get(key)?.n ?? 0;
        return { key, kind: s.kind, sequence: s.sequence, n, rate: participants > 0 ? n / participants : 0 };
      }),
      satisfaction: surveys
        .filter((s) => s.kind === "satisfaction")
        .map((s) => {
          const r = bySurvey.get(surveyKey(s.kind, s.sessionId));
          return { sequence: s.sequence!, n: r?.n ?? 0, overall: r?.means.overall ?? null, usefulness: r?.means.usefulness ?? null };
        }),
      // surveys answered, but by too few to show anonymously
      withheld: surveys.filter((s) => withheld.includes(surveyKey(s.kind, s.sessionId))).map((s) => ({ kind: s.kind, sequence: s.sequence, n: bySurvey.get(surveyKey(s.kind, s.sessionId))?.n ?? 0 })),
      minAnswers: MIN_ANSWERS_SHOWN,
      comments: comments.map((c) => ({ ...c, sequence: c.sessionId ? (sessionsById.get(c.sessionId) ?? null) : null })),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const context = await requireAcademyContext(request, params.academyId, "manageAcademy");
  return answerIntent(await runIntent(SURVEYS_INTENTS, { actorId: context.user.id, academyId: context.academy.id }, await readForm(request)), `/academies/${context.academy.id}/surveys`);
}

export default function SurveysPage() {
  const { academy, participant, list, results } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const label = (s: { kind: string; sequence: number | null }) => (s.kind === "satisfaction" ? t("survey.satisfactionOf", { n: s.sequence }) : t(`survey.kind.${s.kind}`));
  return (
    <div className="flex flex-col gap-8">
      <p><Link to={`/academies/${academy.id}`}>{t("academy.backTo", { name: academy.name })}</Link></p>
      <h1>{t("survey.title")}</h1>
      {participant ? (
        <section aria-labelledby="mine-heading" className="flex flex-col gap-3">
          <h2 id="mine-heading">{t("survey.mine")}</h2>
          <ul className="flex flex-col gap-2">
            {list.map((s) => (
              <li key={s.param} className="flex flex-wrap items-center justify-between gap-2 rounded-8 border border-solid-gray-200 p-3">
                <span className="text-std-16B-170">{label(s)}</span>
                {s.answeredAt ? (
                  <span>{t("survey.answeredOn", { date: formatDate(new Date(s.answeredAt), locale) })}</span>
                ) : s.open ? (
                  <Link to={`/academies/${academy.id}/surveys/${s.param}`}>{t("survey.answer")}</Link>
                ) : s.opensAt && new Date(s.opensAt) > new Date() ? (
                  <span>{t("survey.opensOn", { date: formatDateTime(new Date(s.opensAt), locale) })}</span>
                ) : (
                  <span>{t("survey.closedShort")}</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {results ? (
        <section aria-labelledby="results-heading" className="flex flex-col gap-6">
          <h2 id="results-heading">{t("survey.results")}</h2>
          <p>{results.anonymous ? t("survey.anonymousNote") : t("survey.namedNote")}</p>
          {results.canChange ? (
            <ActionForm className="flex flex-wrap items-center gap-3">
              <input type="hidden" name="anonymous" value={results.anonymous ? "" : "on"} />
              <Button type="submit" variant="secondary" size="sm">{results.anonymous ? t("survey.showNames") : t("survey.hideNames")}</Button>
            </ActionForm>
          ) : null}
          {results.withheld.length > 0 ? (
            <div role="note" className="flex flex-col gap-1 rounded-8 border border-solid-gray-420 bg-solid-gray-50 p-3">
              <p>{t("survey.withheld", { min: results.minAnswers })}</p>
              <ul className="list-disc pl-6">
                {results.withheld.map((w) => (
                  <li key={`${w.kind}-${w.sequence ?? ""}`}>{t("survey.withheldItem", { survey: label(w), count: w.n })}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <SkillsChart rows={results.skills} nPre={results.nPre} nPost={results.nPost} />
          <ResponseRateChart rows={results.rates.map((r) => ({ key: r.key, label: label(r), n: r.n, rate: r.rate }))} participants={results.participants} />
          <SatisfactionChart rows={results.satisfaction} />
          <section aria-labelledby="comments-heading" className="flex flex-col gap-2">
            <h3 id="comments-heading">{t("survey.comments")}</h3>
            {results.comments.length === 0 ? <p>{t("survey.noComments")}</p> : null}
            <ul className="flex flex-col gap-2">
              {results.comments.map((c) => (
                <li key={c.id} className="rounded-8 bg-solid-gray-50 p-3">
                  <p className="whitespace-pre-wrap">{c.comment}</p>
                  <p className="text-dns-14N-130 text-solid-gray-700">{[label({ kind: c.kind, sequence: c.sequence }), c.name].filter(Boolean).join(" · ")}</p>
                </li>
              ))}
            </ul>
          </section>
        </section>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "survey.title");
