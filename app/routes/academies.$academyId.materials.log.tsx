import { Link, useLoaderData, type MetaFunction } from "@remix-run/react";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { requireAcademyContext } from "~/utils/academy-context.server";
import { downloadLog } from "~/modules/material/prelearning.server";
import { formatDateTime } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { pageTitle } from "~/utils/meta";

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
        {counts.length === 0 ? <p>{t("material.logEmpty")}</p> : null}
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">{t("material.countsTitle")}</caption>
          <thead>
            <tr className="border-b-2 border-solid-gray-800">
              <th scope="col" className="p-2">{t("material.name")}</th>
              <th scope="col" className="p-2 text-right">{t("material.views")}</th>
              <th scope="col" className="p-2 text-right">{t("material.downloads")}</th>
            </tr>
          </thead>
          <tbody>
            {counts.map((c) => (
              <tr key={c.id} className="border-b border-solid-gray-200">
                <th scope="row" className="p-2">{title(c)}</th>
                <td className="p-2 text-right">{c.views}</td>
                <td className="p-2 text-right">{c.downloads}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="log-heading" className="flex flex-col gap-2">
        <h2 id="log-heading">{t("material.logEntries")}</h2>
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">{t("material.logEntries")}</caption>
          <thead>
            <tr className="border-b-2 border-solid-gray-800">
              <th scope="col" className="p-2">{t("audit.when")}</th>
              <th scope="col" className="p-2">{t("audit.who")}</th>
              <th scope="col" className="p-2">{t("material.name")}</th>
              <th scope="col" className="p-2">{t("material.version")}</th>
              <th scope="col" className="p-2">{t("material.accessKind")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} className="border-b border-solid-gray-200">
                <td className="p-2 whitespace-nowrap">{formatDateTime(new Date(e.createdAt), locale)}</td>
                <td className="p-2">{e.user.displayName}</td>
                <td className="p-2">{title(e.version.material)}</td>
                <td className="p-2">{t("material.versionN", { n: e.version.number })}</td>
                <td className="p-2">{t(`material.access.${e.kind}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "material.logTitle");
