import { Link } from "@remix-run/react";
import { DataTable } from "~/components/ui/data-table";
import { stageLabelKey } from "~/modules/stage/stages";
import { formatDateTime } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { useTranslation } from "~/utils/use-translation";

/** A submission waiting for a reviewer, as the review queue reads it (review.server.ts). */
export interface ReviewQueueRow {
  deliverableId: string;
  academyId: string;
  academyName: string;
  teamId: string;
  teamName: string;
  stageId: string;
  stageKey: string;
  stageTitle: string;
  dueAt: Date | string | null;
  /** The full queue's columns (the review queue page); the dashboard's first page leaves them out. */
  latestVersion?: number;
  submittedAt?: Date | string | null;
  late?: boolean | number;
  scanFlags?: number;
}

/**
 * The review queue as a table (cards on a phone): the team with its academy, the stage, the due
 * date in bold once it has passed; with `full`, the version, when it was handed in and the scan's
 * findings. One table for the facilitator's dashboard and the review queue page.
 */
export function ReviewQueueTable({ rows, full = false }: { rows: ReviewQueueRow[]; full?: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const now = Date.now();
  return (
    <DataTable
      caption={t("reviewQueue.caption")}
      captionHidden
      cards
      rows={rows}
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
        {
          key: "stage",
          header: t("path.stage"),
          cell: (r) => `${r.stageTitle || t(stageLabelKey(r.stageKey))}${r.latestVersion !== undefined ? ` ${t("review.onVersion", { n: r.latestVersion })}` : ""}`,
        },
        {
          key: "due",
          header: t("path.dueHeader"),
          cell: (r) => (r.dueAt ? <span className={new Date(r.dueAt).getTime() < now ? "font-bold" : ""}>{formatDateTime(new Date(r.dueAt), locale)}</span> : "—"),
        },
        ...(full
          ? [
              {
                key: "submitted",
                header: t("reviewQueue.submitted"),
                cell: (r: ReviewQueueRow) => (r.submittedAt ? formatDateTime(new Date(r.submittedAt), locale) : "—") + (r.late ? ` ${t("deliverable.late")}` : ""),
              },
              { key: "scan", header: t("reviewQueue.scan"), cell: (r: ReviewQueueRow) => (r.scanFlags ? t("reviewQueue.scanFlags", { count: r.scanFlags }) : "—") },
            ]
          : []),
      ]}
    />
  );
}
