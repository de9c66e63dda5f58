import { Link, useActionData, useLoaderData, type MetaFunction } from "@remix-run/react";
import { ActionForm } from "~/components/ui/action-form";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { requirePermission } from "~/utils/session.server";
import { invariantFound } from "~/utils/http.server";
import { getRegion } from "~/modules/region/region.server";
import { REGION_INTENTS } from "~/modules/region/intents.server";
import { answerIntent, runIntent } from "~/utils/intents.server";
import { RegionForm } from "~/components/region/region-form";
import { Button } from "~/components/ui/button";
import { AcademyStatusBadge } from "~/components/ui/status-badge";
import { formatFiscalYear } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { pageTitle } from "~/utils/meta";
import { readForm } from "~/utils/form-body.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:region:any");
  return { region: invariantFound(await getRegion(params.regionId ?? "")) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:region:any");
  const regionId = params.regionId ?? "";
  return answerIntent(await runIntent(REGION_INTENTS, { actorId: user.id, regionId }, await readForm(request)), `/regions/${regionId}`);
}

export default function RegionPage() {
  const { region } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const actionData = answer && !answer.ok ? answer : undefined;
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="flex flex-col gap-8">
      <p><Link to="/regions">{t("region.back")}</Link></p>
      <h1>{region.name}</h1>
      <section aria-labelledby="region-academies" className="flex flex-col gap-2">
        <h2 id="region-academies">{t("region.academies")}</h2>
        {region.academies.length === 0 ? <p>{t("region.noAcademies")}</p> : null}
        <ul className="flex flex-col gap-1">
          {region.academies.map((a) => (
            <li key={a.id} className="flex items-center gap-3">
              <span>{formatFiscalYear(a.fiscalYear, locale)}</span>
              <Link to={`/academies/${a.id}`}>{a.name}</Link>
              <AcademyStatusBadge status={a.status} />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="region-edit" className="flex flex-col gap-4">
        <h2 id="region-edit">{t("region.edit")}</h2>
        <RegionForm
          key={region.members.map((m) => m.municipality.code).join()}
          defaults={{ name: region.name, kana: region.kana, description: region.description }}
          members={region.members.map((m) => ({ code: m.municipality.code, name: m.municipality.name, prefecture: m.municipality.prefecture.name }))}
          actionData={actionData}
          submitLabel={t("form.save")}
        />
      </section>
      <section aria-labelledby="region-archive" className="flex flex-col gap-2">
        <h2 id="region-archive">{region.archivedAt ? t("region.restoreTitle") : t("region.archiveTitle")}</h2>
        <p>{region.archivedAt ? t("region.restoreHint") : t("region.archiveHint")}</p>
        <ActionForm>
          <Button type="submit" name="intent" value={region.archivedAt ? "restore" : "archive"} variant="secondary">
            {region.archivedAt ? t("region.restore") : t("region.archive")}
          </Button>
        </ActionForm>
      </section>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, "region.pageTitle", { name: data?.region.name ?? "" });
