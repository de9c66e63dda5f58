import { Link, useLoaderData, type MetaFunction } from "@remix-run/react";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { requireUser } from "~/utils/session.server";
import { forbidden } from "~/utils/http.server";
import { queueScope, reviewQueue, REVIEW_PAGE_SIZE } from "~/modules/deliverable/review.server";
import { QUEUE_ORDERS, type QueueOrder } from "~/modules/deliverable/queue-order";
import { pageTitle } from "~/utils/meta";
import { ReviewQueueTable } from "~/components/team/review-queue-table";
import { Pagination } from "~/components/ui/pagination";
import { pageNumber } from "~/utils/page-number";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const scope = queueScope(user);
  if (!scope) forbidden();
  const url = new URL(request.url);
  const page = pageNumber(url.searchParams.get("page"));
  const order: QueueOrder = url.searchParams.get("sort") === "waiting" ? "waiting" : "due";
  const { rows, total } = await reviewQueue(user, scope, page, order);
  return {
    order,
    page,
    pages: Math.max(1, Math.ceil(total / REVIEW_PAGE_SIZE)),
    total,
    rows,
  };
}

export default function ReviewQueue() {
  const { rows, page, pages, total, order } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="flex flex-col gap-6">
      <h1>{t("reviewQueue.title")}</h1>
      <p>{t("reviewQueue.intro", { count: total })}</p>
      <nav aria-label={t("reviewQueue.sortLabel")} className="flex flex-wrap items-center gap-3">
        <span className="text-std-16B-170">{t("reviewQueue.sortLabel")}</span>
        {QUEUE_ORDERS.map((o) => (
          <Link key={o} to={o === "due" ? "?" : `?sort=${o}`} aria-current={order === o ? "true" : undefined} className="rounded-4 px-2 py-1 aria-[current=true]:bg-blue-50 aria-[current=true]:font-bold aria-[current=true]:no-underline">
            {t(`reviewQueue.sort.${o}`)}
          </Link>
        ))}
      </nav>
      <ReviewQueueTable rows={rows} full />
      <Pagination page={page} pages={pages} href={(p) => `?${order === "due" ? "" : `sort=${order}&`}page=${p}`} />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "reviewQueue.title");
