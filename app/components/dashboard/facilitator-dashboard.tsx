import { Link } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { stageLabelKey } from "~/modules/stage/stages";
import { formatDateTime } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { DataTable } from "~/components/ui/data-table";
import { AcademyTable, type AcademyRow } from "./academy-table";
import { SessionList, type SessionItem } from "./session-list";
import { AttentionList, type AttentionCounts, type AttentionEntry } from "./attention-list";

interface ReviewRow {
  deliverableId: string;
  academyId: string;
  academyName: string;
  teamId: string;
  teamName: string;
  stageId: string;
  stageKey: string;
  stageTitle: string;
  dueAt: Date | string | null;
}

interface RiskRow {
  id: string;
  name: string;
  academyId: string;
  academyName: string;
  overdue: boolean;
  stalled: boolean;
  currentKey: string | null;
}

interface Props {
  fiscalYear: number;
  academies: AcademyRow[];
  sessions: SessionItem[];
  attention: AttentionEntry[];
  counts: AttentionCounts;
  reviews: { rows: ReviewRow[]; total: number };
  atRisk: RiskRow[];
  atRiskTotal: number;
}

export function FacilitatorDashboard({ fiscalYear, academies, sessions, attention, counts, reviews, atRisk, atRiskTotal }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <AttentionList entries={attention} counts={counts} fiscalYearQuery={`?fy=${fiscalYear}`} />
      <section aria-labelledby="reviews-heading" className="flex flex-col gap-3">
        <h2 id="reviews-heading">{t("dashboard.reviewQueue", { count: reviews.total })}</h2>
        <DataTable
          caption={t("reviewQueue.caption")}
          captionHidden
          cards
          rows={reviews.rows}
          rowKey={(r) => r.deliverableId}
          empty={t("reviewQueue.empty")}
          columns={[
            {
              key: "team",
              header: t("reviewQueue.team"),
              cell: (r) => (
                <>
                  <Link to={`/academies/${r.academyId}/teams/${r.teamId}/stages/${r.stageId}`}>{r.teamName}</Link>
                  <span className="block text-dns-14N-130 text-solid-gray-700">{r.academyName}</span>
                </>
              ),
            },
            { key: "stage", header: t("path.stage"), cell: (r) => r.stageTitle || t(stageLabelKey(r.stageKey)) },
            { key: "due", header: t("path.dueHeader"), cell: (r) => (r.dueAt ? formatDateTime(new Date(r.dueAt), locale) : "—") },
          ]}
        />
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
              cell: (r) => [r.overdue ? t("progress.flag.overdue") : null, r.stalled ? t("progress.flag.stalled") : null].filter(Boolean).join(t("format.list")),
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
