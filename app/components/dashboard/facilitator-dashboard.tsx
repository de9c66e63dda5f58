import { Link } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { stageLabelKey } from "~/modules/stage/stages";
import { DataTable } from "~/components/ui/data-table";
import { ReviewQueueTable, type ReviewQueueRow } from "~/components/team/review-queue-table";
import { AcademyTable, type AcademyRow } from "./academy-table";
import { SessionList, type SessionItem } from "./session-list";
import { AttentionList, type AttentionCounts, type AttentionEntry } from "./attention-list";

interface RiskRow {
  id: string;
  name: string;
  academyId: string;
  academyName: string;
  overdue: boolean;
  stalled: boolean;
  currentKey: string | null;
  overdueKeys: string[];
}

interface Props {
  fiscalYear: number;
  academies: AcademyRow[];
  sessions: SessionItem[];
  attention: AttentionEntry[];
  counts: AttentionCounts;
  reviews: { rows: ReviewQueueRow[]; total: number };
  atRisk: RiskRow[];
  atRiskTotal: number;
}

export function FacilitatorDashboard({ fiscalYear, academies, sessions, attention, counts, reviews, atRisk, atRiskTotal }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <AttentionList entries={attention} counts={counts} fiscalYearQuery={`?fy=${fiscalYear}`} />
      <section aria-labelledby="reviews-heading" className="flex flex-col gap-3">
        <h2 id="reviews-heading">{t("dashboard.reviewQueue", { count: reviews.total })}</h2>
        <ReviewQueueTable rows={reviews.rows} />
        {reviews.total > reviews.rows.length ? <p><Link to="/reviews">{t("dashboard.allReviews", { count: reviews.total })}</Link></p> : null}
      </section>
      <section aria-labelledby="sessions-heading" className="flex flex-col gap-3">
        <h2 id="sessions-heading">{t("dashboard.nextSessions")}</h2>
        <SessionList sessions={sessions} headingId="sessions-heading" />
      </section>
      <section aria-labelledby="risk-heading" className="flex flex-col gap-3">
        <h2 id="risk-heading">{t("dashboard.atRisk", { count: atRiskTotal })}</h2>
        <DataTable
          caption={t("dashboard.atRiskCaption")}
          captionHidden
          cards
          rows={atRisk}
          rowKey={(r) => r.id}
          empty={t("dashboard.noRisk")}
          columns={[
            {
              key: "team",
              header: t("progress.team"),
              cell: (r) => (
                <>
                  <Link to={`/academies/${r.academyId}/teams/${r.id}`}>{r.name}</Link>
                  <span className="block text-dns-14N-130 text-solid-gray-700">{r.academyName}</span>
                </>
              ),
            },
            { key: "stage", header: t("charts.currentStage"), cell: (r) => (r.currentKey ? t(stageLabelKey(r.currentKey)) : "—") },
            {
              key: "why",
              header: t("dashboard.why"),
              cell: (r) =>
                [
                  r.overdue ? t("dashboard.overdueAt", { stages: r.overdueKeys.map((k) => t(stageLabelKey(k))).join(t("format.list")) }) : null,
                  r.stalled ? t("progress.flag.stalled") : null,
                ]
                  .filter(Boolean)
                  .join(t("format.list")),
            },
          ]}
        />
        <p><Link to={`/progress?fy=${fiscalYear}&attention=atRisk`}>{t("dashboard.openBoard")}</Link></p>
      </section>
      <section aria-labelledby="academies-heading" className="flex flex-col gap-3">
        <h2 id="academies-heading">{t("dashboard.myAcademies")}</h2>
        <AcademyTable academies={academies} caption={t("dashboard.myAcademies")} />
        <p>
          <Link to="/academies">{t("dashboard.allAcademies")}</Link>
        </p>
      </section>
    </>
  );
}
