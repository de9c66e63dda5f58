import { Link, useLoaderData, type MetaFunction } from "@remix-run/react";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { requireAcademyContext } from "~/utils/academy-context.server";
import { findRetroAccess } from "~/modules/retro/access.server";
import { boardView } from "~/modules/retro/live.server";
import { byVotes, cardsRevealed } from "~/modules/retro/rules";
import { boardTitle, promptLabel } from "~/modules/retro/summary";
import { invariantFound, notFound } from "~/utils/http.server";
import { formatDate } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { PrintButton } from "~/components/ui/print-button";
import { pageTitle } from "~/utils/meta";

// The board's summary for printing (A4, the browser's print): cards by prompt, groups by votes, actions.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requireAcademyContext(request, params.academyId);
  const access = invariantFound(await findRetroAccess(context, params.retroId));
  const view = await boardView(access);
  if (!cardsRevealed(view.retro.phase)) notFound();
  return { academy: context.academy, view };
}

export default function RetroSummaryPage() {
  const { academy, view } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <article className="flex max-w-3xl flex-col gap-6">
      <p className="no-print flex flex-wrap gap-4">
        <Link to={`/academies/${academy.id}/retros/${view.retro.id}`}>{t("retro.backToBoard")}</Link>
        <PrintButton />
      </p>
      <header>
        <p>{academy.name}</p>
        <h1>{boardTitle(t, view.retro)}</h1>
        <p>{formatDate(new Date(view.retro.createdAt), locale)} · {t(`retro.templates.${view.retro.template}`)} · {t("retro.nowPhase", { phase: t(`retro.phase.${view.retro.phase}`) })}</p>
      </header>
      {view.previousActions.length > 0 ? (
        <section>
          <h2>{t("retro.reviewHeading")}</h2>
          <ul className="list-disc pl-6">
            {view.previousActions.map((a) => (
              <li key={a.id}>{a.text}（{t(`retro.actionStatus.${a.status}`)}）</li>
            ))}
          </ul>
        </section>
      ) : null}
      {view.retro.prompts.map((p) => (
        <section key={p.key}>
          <h2>{promptLabel(t, p)}</h2>
          <ul className="list-disc pl-6">
            {view.cards.filter((c) => c.prompt === p.key).map((c) => (
              <li key={c.id}>{c.text}{c.author ? `（${c.author}）` : ""}</li>
            ))}
          </ul>
        </section>
      ))}
      <section>
        <h2>{t("retro.groupsByVotes")}</h2>
        <ol className="list-decimal pl-6">
          {byVotes(view.groups).map((g) => (
            <li key={g.id}>
              <strong>{g.title}</strong>（{t("retro.votes", { count: g.votes })}）
              {g.notes ? <p className="whitespace-pre-wrap">{g.notes}</p> : null}
            </li>
          ))}
        </ol>
      </section>
      <section>
        <h2>{t("retro.phase.actions")}</h2>
        {view.actions.length === 0 ? <p>{t("retro.noActions")}</p> : null}
        <ul className="list-disc pl-6">
          {view.actions.map((a) => (
            <li key={a.id}>
              {a.text}
              {a.ownerName ? ` · ${t("retro.owner", { name: a.ownerName })}` : ""}
              {a.dueAt ? ` · ${t("retro.due", { date: formatDate(new Date(a.dueAt), locale) })}` : ""}
              {a.teamName ? ` · ${a.teamName}` : ""}
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "retro.summaryTitle");
