import { Link, useLoaderData, type MetaFunction } from "@remix-run/react";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { requireAcademyContext } from "~/utils/academy-context.server";
import { downloadLog } from "~/modules/material/prelearning.server";
import { formatDateTime } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { pageTitle } from "~/utils/meta";
import { DataTable } from "~/components/ui/data-table";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { academy } = await requireAcademyContext(request, params.academyId, "seeHistory");
  return { academy, ...(await downloadLog(academy.id)) };
}

export default function DownloadLogPage() {
  const { academy, entries, counts } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const title = (m: { title: string; titleEn: string }) => (locale === "en" && m.titleEn ? m.titleEn : m.title);
  return (
    <div className="flex flex-col gap-8">
      <p><Link to={`/academies/${academy.id}/materials`}>{t("material.backToList")}</Link></p>
      <h1>{t("material.logTitle")}</h1>
      <section aria-labelledby="counts-heading" className="flex flex-col gap-2">
        <h2 id="counts-heading">{t("material.countsTitle")}</h2>
        <DataTable
          caption={t("material.countsTitle")}
          captionHidden
          rows={counts}
          rowKey={(c) => c.id}
          empty={t("material.logEmpty")}
          columns={[
            { key: "name", header: t("material.name"), cell: (c) => title(c) },
            { key: "views", header: t("material.views"), className: "text-right", cell: (c) => c.views },
            { key: "downloads", header: t("material.downloads"), className: "text-right", cell: (c) => c.downloads },
          ]}
        />
      </section>
      <section aria-labelledby="log-heading" className="flex flex-col gap-2">
        <h2 id="log-heading">{t("material.logEntries")}</h2>
        <DataTable
          caption={t("material.logEntries")}
          captionHidden
          rows={entries}
          rowKey={(e) => e.id}
          empty={t("material.logEmpty")}
          columns={[
            { key: "when", header: t("audit.when"), className: "whitespace-nowrap font-normal", cell: (e) => formatDateTime(new Date(e.createdAt), locale) },
            { key: "who", header: t("audit.who"), cell: (e) => e.user.displayName },
            { key: "material", header: t("material.name"), cell: (e) => title(e.version.material) },
            { key: "version", header: t("material.version"), cell: (e) => t("material.versionN", { n: e.version.number }) },
            { key: "kind", header: t("material.accessKind"), cell: (e) => t(`material.access.${e.kind}`) },
          ]}
        />
      </section>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "material.logTitle");
