import { Link, useLoaderData, type MetaFunction } from "@remix-run/react";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { requireUser } from "~/utils/session.server";
import { forbidden } from "~/utils/http.server";
import { queueScope, reviewQueue, REVIEW_PAGE_SIZE } from "~/modules/deliverable/review.server";
import { endOfDayBefore } from "~/modules/deliverable/deadline";
import { stageLabelKey } from "~/modules/stage/stages";
import { formatDateTime } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { pageTitle } from "~/utils/meta";
import { DataTable } from "~/components/ui/data-table";
import { Pagination } from "~/components/ui/pagination";
import { pageNumber } from "~/utils/page-number";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const scope = queueScope(user);
  if (!scope) forbidden();
  const page = pageNumber(new URL(request.url).searchParams.get("page"));
  const { rows, total } = await reviewQueue(user, scope, page);
  return {
    page,
    pages: Math.max(1, Math.ceil(total / REVIEW_PAGE_SIZE)),
    total,
    rows: rows.map((r) => ({ ...r, dueAt: r.extensionDueAt ?? r.stageDueAt ?? (r.nextSessionAt ? endOfDayBefore(r.nextSessionAt) : null) })),
  };
}

export default function ReviewQueue() {
  const { rows, page, pages, total } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const now = Date.now();
  return (
    <div className="flex flex-col gap-6">
      <h1>{t("reviewQueue.title")}</h1>
      <p>{t("reviewQueue.intro", { count: total })}</p>
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
          { key: "stage", header: t("path.stage"), cell: (r) => `${r.stageTitle || t(stageLabelKey(r.stageKey))} ${t("review.onVersion", { n: r.latestVersion })}` },
          {
            key: "due",
            header: t("path.dueHeader"),
            cell: (r) => (r.dueAt ? <span className={new Date(r.dueAt).getTime() < now ? "font-bold" : ""}>{formatDateTime(new Date(r.dueAt), locale)}</span> : "—"),
          },
          { key: "submitted", header: t("reviewQueue.submitted"), cell: (r) => (r.submittedAt ? formatDateTime(new Date(r.submittedAt), locale) : "—") + (r.late ? ` ${t("deliverable.late")}` : "") },
          { key: "scan", header: t("reviewQueue.scan"), cell: (r) => (r.scanFlags > 0 ? t("reviewQueue.scanFlags", { count: r.scanFlags }) : "—") },
        ]}
      />
      <Pagination page={page} pages={pages} href={(p) => `?page=${p}`} />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "reviewQueue.title");
