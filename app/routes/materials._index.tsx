import { Link, useLoaderData, type MetaFunction } from "@remix-run/react";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/utils/session.server";
import { listCatalogue } from "~/modules/material/catalogue.server";
import { useMaterialText } from "~/components/material/material-title";
import { pageTitle } from "~/utils/meta";

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
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">{t("material.catalogueTitle")}</caption>
        <thead>
          <tr className="border-b-2 border-solid-gray-800">
            <th scope="col" className="p-2">{t("material.name")}</th>
            <th scope="col" className="p-2">{t("material.fields.stage")}</th>
            <th scope="col" className="p-2">{t("material.fields.audience")}</th>
            <th scope="col" className="p-2">{t("material.version")}</th>
            <th scope="col" className="p-2 text-right">{t("material.academies")}</th>
          </tr>
        </thead>
        <tbody>
          {materials.map((m) => {
            const live = m.versions.filter((v) => !v.retiredAt);
            return (
              <tr key={m.id} className="border-b border-solid-gray-200 align-top">
                <th scope="row" className="p-2">
                  <Link to={`/materials/${m.id}`}>{text(m).title}</Link>
                  <span className="block text-dns-14N-130 font-normal text-solid-gray-600">
                    {t(`material.kind.${m.kind}`)} · {t(`material.origin.${m.origin}`)}
                  </span>
                </th>
                <td className="p-2">{t(`material.stage.${m.stageKey ?? "general"}`)}</td>
                <td className="p-2">{t(`material.audience.${m.audience}`)}</td>
                <td className="p-2">{live[0] ? t("material.versionN", { n: live[0].number }) : t("material.allRetired")}</td>
                <td className="p-2 text-right">{m._count.releases}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "material.catalogueTitle");
