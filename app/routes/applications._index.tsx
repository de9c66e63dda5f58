import { Link, useLoaderData, type MetaFunction } from "@remix-run/react";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { myApplications } from "~/modules/call/application.server";
import { requireUser } from "~/utils/session.server";
import { formatDateTime } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { pageTitle } from "~/utils/meta";
import { DataTable } from "~/components/ui/data-table";

// The signed-in person's own applications (applicants see nobody else's).

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { applications: await myApplications(user.id) };
}

export default function MyApplications() {
  const { applications } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="flex flex-col gap-6">
      <h1>{t("call.myApplications")}</h1>
      <p><Link to="/calls">{t("call.publicTitle")}</Link></p>
      <DataTable
        caption={t("call.myApplications")}
        captionHidden
        cards
        rows={applications}
        rowKey={(a) => a.id}
        empty={t("call.noApplications")}
        columns={[
          { key: "call", header: t("call.call"), cell: (a) => <Link to={`/applications/${a.id}`}>{a.call.title}</Link> },
          { key: "track", header: t("call.track"), cell: (a) => a.track.label },
          { key: "status", header: t("call.statusLabel"), cell: (a) => t(`call.status.${a.status}`) },
          { key: "deadline", header: t("call.deadlineHeader"), cell: (a) => formatDateTime(new Date(a.call.deadlineAt), locale) },
        ]}
      />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "call.myApplications");
