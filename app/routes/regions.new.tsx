import { type MetaFunction } from "@remix-run/react";
import { NEW_REGION_INTENTS } from "~/modules/region/intents.server";
import { answerIntent, runIntent } from "~/utils/intents.server";
import { useRefusal } from "~/utils/use-refusal";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { requirePermission } from "~/utils/session.server";
import { RegionForm } from "~/components/region/region-form";
import { pageTitle } from "~/utils/meta";
import { readForm } from "~/utils/form-body.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:region:any");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:region:any");
  return answerIntent(await runIntent(NEW_REGION_INTENTS, { actorId: user.id }, await readForm(request)), "/regions/new");
}

export default function NewRegionPage() {
  const { t } = useTranslation();
  const actionData = useRefusal();
  return (
    <div className="flex flex-col gap-6">
      <h1>{t("region.new")}</h1>
      <RegionForm defaults={{ name: "", kana: "", description: "" }} members={[]} actionData={actionData} submitLabel={t("region.create")} />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "region.new");
