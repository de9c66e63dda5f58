import { Link, useLoaderData, useSearchParams, type MetaFunction } from "@remix-run/react";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { requirePermission } from "~/utils/session.server";
import { listRegions } from "~/modules/region/region.server";
import { pageTitle } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:region:any");
  const includeArchived = new URL(request.url).searchParams.get("archived") === "1";
  return { regions: await listRegions({ includeArchived }) };
}

export default function RegionsPage() {
  const { regions } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const showArchived = params.get("archived") === "1";
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1>{t("region.title")}</h1>
        <Link to="/regions/new" className="rounded-8 bg-blue-900 px-6 py-3 text-white no-underline hover:bg-blue-1000 hover:text-white">
          {t("region.new")}
        </Link>
      </div>
      <p>
        <Link to={showArchived ? "/regions" : "/regions?archived=1"}>
          {showArchived ? t("region.hideArchived") : t("region.showArchived")}
        </Link>
      </p>
      {regions.length === 0 ? <p>{t("region.empty")}</p> : null}
      <ul className="grid gap-4 md:grid-cols-2">
        {regions.map((r) => (
          <li key={r.id} className="flex flex-col gap-1 rounded-8 border border-solid-gray-200 p-4">
            <h2 className="text-std-20B-150">
              <Link to={`/regions/${r.id}`}>{r.name}</Link>
              {r.archivedAt ? <span className="ml-2 text-dns-14B-120 text-solid-gray-600">{t("region.archived")}</span> : null}
            </h2>
            <p className="text-dns-16N-130">
              {r.members.map((m) => `${m.municipality.name}`).join(t("format.list"))}
            </p>
            <p className="text-dns-14N-130 text-solid-gray-600">
              {t("region.academyCount", { count: r._count.academies })}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "region.title");
