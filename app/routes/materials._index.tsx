import { Link, useLoaderData, type MetaFunction } from "@remix-run/react";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { requirePermission } from "~/utils/session.server";
import { listCatalogue } from "~/modules/material/catalogue.server";
import { useMaterialText } from "~/components/material/material-title";
import { pageTitle } from "~/utils/meta";
import { DataTable } from "~/components/ui/data-table";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:catalogue:any");
  return { materials: await listCatalogue() };
}

export default function MaterialCataloguePage() {
  const { materials } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const text = useMaterialText();
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1>{t("material.catalogueTitle")}</h1>
        <Link to="/materials/new" className="rounded-8 bg-blue-900 px-6 py-3 text-white no-underline hover:bg-blue-1000 hover:text-white">{t("material.new")}</Link>
      </div>
      <p>{t("material.catalogueLead")}</p>
      <DataTable
        caption={t("material.catalogueTitle")}
        captionHidden
        cards
        rows={materials}
        rowKey={(m) => m.id}
        columns={[
          {
            key: "name",
            header: t("material.name"),
            cell: (m) => (
              <>
                <Link to={`/materials/${m.id}`}>{text(m).title}</Link>
                <span className="block text-dns-14N-130 font-normal text-solid-gray-600">
                  {t(`material.kind.${m.kind}`)} · {t(`material.origin.${m.origin}`)}
                </span>
              </>
            ),
          },
          { key: "stage", header: t("material.fields.stage"), cell: (m) => t(`material.stage.${m.stageKey ?? "general"}`) },
          { key: "audience", header: t("material.fields.audience"), cell: (m) => t(`material.audience.${m.audience}`) },
          {
            key: "version",
            header: t("material.version"),
            cell: (m) => {
              const live = m.versions.find((v) => !v.retiredAt);
              return live ? t("material.versionN", { n: live.number }) : t("material.allRetired");
            },
          },
          { key: "academies", header: t("material.academies"), cell: (m) => m._count.releases, className: "md:text-right" },
        ]}
      />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "material.catalogueTitle");
