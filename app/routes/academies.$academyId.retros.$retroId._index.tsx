import { Link, useLoaderData, type MetaFunction } from "@remix-run/react";
import { Breadcrumbs, academyCrumbs } from "~/components/ui/breadcrumbs";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { requireAcademyContext } from "~/utils/academy-context.server";
import { invariantFound } from "~/utils/http.server";
import { findRetroAccess } from "~/modules/retro/access.server";
import { boardView } from "~/modules/retro/live.server";
import { BOARD_INTENTS } from "~/modules/retro/intents.server";
import { answerIntent, runIntent } from "~/utils/intents.server";
import { cardsRevealed, PHASES, phaseIndex } from "~/modules/retro/rules";
import { boardTitle } from "~/modules/retro/summary";
import { readForm } from "~/utils/form-body.server";
import { RetroBoard, PhaseSteps, ReadyBar } from "~/components/retro/retro-board";
import { BoardForm, SmallButton, formatSeconds } from "~/components/retro/board-parts";
import { useCountdown, useLiveBoard } from "~/components/retro/use-live-board";
import type { BoardView } from "~/modules/retro/board.server";
import { pageTitle } from "~/utils/meta";

// A live retrospective board. Every change goes through the board's action; everyone watching
// gets the new state within about a second through the board's event stream.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requireAcademyContext(request, params.academyId);
  const access = invariantFound(await findRetroAccess(context, params.retroId));
  return { academy: context.academy, view: await boardView(access) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const context = await requireAcademyContext(request, params.academyId);
  const access = invariantFound(await findRetroAccess(context, params.retroId));
  const form = await readForm(request);
  // the board's forms are fetchers: success answers with the board's new revision (the stream shows the change)
  return answerIntent(await runIntent(BOARD_INTENTS, access, form), `/academies/${context.academy.id}/retros/${access.retro.id}`);
}

function Controls({ view }: { view: BoardView }) {
  const { t } = useTranslation();
  const i = phaseIndex(view.retro.phase);
  const next = PHASES[i + 1];
  const prev = PHASES[i - 1];
  const cardCount = view.cards.length + Object.values(view.hiddenCounts).reduce((a, b) => a + b, 0);
  return (
    <div className="flex flex-col gap-3 rounded-8 border-2 border-blue-900 p-3">
      <h2 className="text-std-20B-150">{t("retro.facilitatorControls")}</h2>
      <BoardForm intent="phase" className="flex flex-wrap items-end gap-2" label={t("retro.changePhase")}>
        <label className="flex flex-col gap-1">
          {t("retro.timerMinutes")}
          <input name="minutes" inputMode="numeric" size={4} defaultValue="" className="min-h-11 w-24 rounded-8 border border-solid-gray-600 px-3" />
        </label>
        {prev ? <SmallButton name="phase" value={prev}>{t("retro.backTo", { phase: t(`retro.phase.${prev}`) })}</SmallButton> : null}
        <SmallButton name="phase" value={view.retro.phase}>{t("retro.restartTimer")}</SmallButton>
        {next ? <SmallButton name="phase" value={next} variant="primary">{t("retro.nextPhase", { phase: t(`retro.phase.${next}`) })}</SmallButton> : null}
      </BoardForm>
      <BoardForm intent="anonymous" className="flex flex-wrap items-center gap-2" label={t("retro.anonymity")}>
        <input type="hidden" name="anonymous" value={view.retro.anonymous ? "" : "on"} />
        <span>{view.retro.anonymous ? t("retro.isAnonymous") : t("retro.isNamed")}</span>
        {view.retro.anonymous && cardCount > 0 ? null : <SmallButton>{view.retro.anonymous ? t("retro.showNames") : t("retro.hideNames")}</SmallButton>}
      </BoardForm>
    </div>
  );
}

export default function RetroBoardPage() {
  const { academy, view: loaded } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const base = `/academies/${academy.id}/retros/${loaded.retro.id}`;
  const { view, state: live, watching } = useLiveBoard(`${base}/events`, loaded as BoardView);
  const left = useCountdown(view.retro.phaseEndsAt);
  return (
    <div className="flex flex-col gap-6">
      <Breadcrumbs
        items={[
          ...academyCrumbs(t, academy),
          ...(view.retro.session ? [{ label: t("session.numbered", { n: view.retro.session.sequence }), to: `/academies/${academy.id}/sessions/${view.retro.session.id}` }] : []),
          { label: boardTitle(t, view.retro) },
        ]}
      />
      <header className="flex flex-col gap-3">
        <h1>{boardTitle(t, view.retro)}</h1>
        <PhaseSteps phase={view.retro.phase} />
        <div className="flex flex-wrap items-center gap-4">
          <p className="text-std-18B-160" aria-live="polite">{t("retro.nowPhase", { phase: t(`retro.phase.${view.retro.phase}`) })}</p>
          {left !== null && view.retro.phase !== "closed" ? (
            <p className={`text-std-18B-160 ${left === 0 ? "text-error-2" : ""}`} role="timer" aria-label={t("retro.timeLeftLabel")}>
              {left === 0 ? t("retro.timeUp") : t("retro.timeLeft", { time: formatSeconds(left) })}
            </p>
          ) : null}
          {view.retro.phase !== "closed" ? <p className="text-dns-14N-130" role="status">{t(`retro.live.${live}`)}</p> : null}
          {watching !== null && view.retro.phase !== "closed" ? <p className="text-dns-14N-130">{t("retro.watching", { count: watching })}</p> : null}
          <p className="text-dns-14N-130">
            {view.writers.names.length > 0 ? t("retro.writersNamed", { count: view.writers.count, names: view.writers.names.join("、") }) : t("retro.writers", { count: view.writers.count })}
          </p>
        </div>
        <ReadyBar view={view} />
        {cardsRevealed(view.retro.phase) ? (
          <p className="no-print flex flex-wrap gap-4">
            <a href={`${base}/export/md`}>{t("retro.exportMarkdown")}</a>
            <a href={`${base}/export/csv`}>{t("retro.exportCsv")}</a>
            <Link to={`${base}/summary`}>{t("retro.printable")}</Link>
          </p>
        ) : null}
      </header>
      {view.role === "staff" ? <Controls view={view} /> : null}
      {view.role === "viewer" ? <p>{t("retro.viewerNote")}</p> : null}
      <RetroBoard view={view} />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "retro.pageTitle");
