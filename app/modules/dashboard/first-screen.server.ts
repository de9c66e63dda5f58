import { fiscalYearOf } from "~/utils/dates";
import type { SessionUser } from "~/utils/session.server";
import { academyOverview, coordinatorStats, upcomingSessions } from "~/modules/academy/dashboard.server";
import { queueScope, REVIEW_QUEUE_TABLES, reviewQueue } from "~/modules/deliverable/review.server";
import { progressOfYear, summarise } from "~/modules/progress/board.server";
import { keptRead } from "~/utils/read-cache.server";
import { attentionItems } from "./attention.server";
import { dashboardCharts } from "./charts.server";

// What the first screen of a programme coordinator and of a facilitator needs, each part from
// its module; every part is a fixed number of statements.

const REVIEWS_SHOWN = 5;
const AT_RISK_SHOWN = 10;

function boardFilterOf(fiscalYear: number) {
  return { fiscalYear, prefecture: null, regionId: null, academyId: null, facilitatorId: null, attention: "all" as const, page: 1 };
}

/** The first page of the review queue, kept per person (whose queue it is) until a table it reads is written. */
async function waitingReviews(user: SessionUser) {
  const scope = queueScope(user);
  if (!scope) return { rows: [], total: 0 };
  const { rows, total } = await keptRead(`reviews:${user.id}:${JSON.stringify(scope)}`, REVIEW_QUEUE_TABLES, () => reviewQueue(user, scope, 1));
  return {
    total,
    rows: rows.slice(0, REVIEWS_SHOWN).map((r) => ({
      deliverableId: r.deliverableId,
      academyId: r.academyId,
      academyName: r.academyName,
      teamId: r.teamId,
      teamName: r.teamName,
      stageId: r.stageId,
      stageKey: r.stageKey,
      stageTitle: r.stageTitle,
      dueAt: r.dueAt,
    })),
  };
}

export async function coordinatorScreen(user: SessionUser, now: Date, chartYear: number) {
  const fiscalYear = fiscalYearOf(now);
  const [academies, stats, sessions, attention, year, reviews, charts, chartStats, chartBoard] = await Promise.all([
    academyOverview(user, now),
    coordinatorStats(user, fiscalYear),
    upcomingSessions(user, now, 8),
    attentionItems(user, now),
    progressOfYear(user, boardFilterOf(fiscalYear), now),
    waitingReviews(user),
    dashboardCharts(chartYear, now),
    chartYear === fiscalYear ? null : coordinatorStats(user, chartYear),
    chartYear === fiscalYear ? null : progressOfYear(user, boardFilterOf(chartYear), now),
  ]);
  const summary = summarise(year.teams);
  return {
    fiscalYear,
    academies,
    stats,
    sessions,
    attention,
    counts: { overdue: summary.overdue, stalled: summary.stalled, reviews: reviews.total },
    charts: {
      fiscalYear: chartYear,
      figures: charts,
      byStatus: (chartStats ?? stats).byStatus,
      byStage: chartBoard ? summarise(chartBoard.teams).byCurrentStage : summary.byCurrentStage,
    },
  };
}

export async function facilitatorScreen(user: SessionUser, now: Date, academyIds: string[]) {
  const fiscalYear = fiscalYearOf(now);
  const [academies, sessions, attention, year, reviews] = await Promise.all([
    academyOverview(user, now, academyIds),
    upcomingSessions(user, now, 8, academyIds),
    attentionItems(user, now),
    progressOfYear(user, boardFilterOf(fiscalYear), now),
    waitingReviews(user),
  ]);
  const atRisk = year.teams.filter((t) => t.overdue || t.stalled);
  return {
    fiscalYear,
    academies,
    sessions,
    attention,
    reviews,
    counts: { overdue: atRisk.filter((t) => t.overdue).length, stalled: atRisk.filter((t) => t.stalled).length, reviews: reviews.total },
    atRisk: atRisk.slice(0, AT_RISK_SHOWN).map((t) => ({
      id: t.id,
      name: t.name,
      academyId: t.academyId,
      academyName: t.academyName,
      overdue: t.overdue,
      stalled: t.stalled,
      currentKey: t.currentKey,
      overdueKeys: t.overdueKeys,
      lastActivityAt: t.lastActivityAt,
    })),
    atRiskTotal: atRisk.length,
  };
}
