import { useActionData, type MetaFunction } from "@remix-run/react";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { requirePermission } from "~/utils/session.server";
import { RegionSchema } from "~/modules/region/schemas";
import { createRegion } from "~/modules/region/region.server";
import { echoForm, parseForm } from "~/utils/forms";
import { RegionForm } from "~/components/region/region-form";
import { pageTitle } from "~/utils/meta";
import { readForm } from "~/utils/form-body.server";
import { redirectWithFlash } from "~/utils/flash.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:region:any");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:region:any");
  const formData = await readForm(request);
  const parsed = parseForm(RegionSchema, formData);
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values, params: {} }, { status: 400 });
  const result = await createRegion(user.id, parsed.data);
  if (!result.ok) {
    return data(
      { fieldErrors: result.fieldErrors, values: echoForm(formData), params: result.params ?? {} },
      { status: 400 },
    );
  }
  return redirectWithFlash(`/regions/${result.id}`, { message: "region.created" });
}

export default function NewRegionPage() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  return (
    <div className="flex flex-col gap-6">
      <h1>{t("region.new")}</h1>
      <RegionForm defaults={{ name: "", kana: "", description: "" }} members={[]} actionData={actionData} submitLabel={t("region.create")} />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "region.new");
