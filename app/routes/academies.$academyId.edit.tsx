import { Form, Link, useActionData, useLoaderData, type MetaFunction } from "@remix-run/react";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { requireAcademyContext } from "~/utils/academy-context.server";
import { AcademyUpdateSchema } from "~/modules/academy/schemas";
import { getAcademy, staffCandidates, updateAcademy } from "~/modules/academy/academy.server";
import { echoForm, parseForm } from "~/utils/forms";
import { redirectWithFlash } from "~/utils/flash.server";
import { invariantFound } from "~/utils/http.server";
import { toTokyoDateInput } from "~/utils/dates";
import { useValidatedForm } from "~/utils/use-validated-form";
import { TextField } from "~/components/ui/text-field";
import { TextareaField } from "~/components/ui/field";
import { Button } from "~/components/ui/button";
import { StaffCheckboxes } from "~/components/academy/staff-checkboxes";
import { pageTitle } from "~/utils/meta";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, academy } = await requireAcademyContext(request, params.academyId, "manageAcademy");
  const full = invariantFound(await getAcademy(user, academy.id));
  return { academy: full, candidates: await staffCandidates() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, academy } = await requireAcademyContext(request, params.academyId, "manageAcademy");
  const formData = await request.formData();
  const raw = (name: string) => formData.getAll(name).filter((v): v is string => typeof v === "string");
  const parsed = parseForm(AcademyUpdateSchema, formData);
  const rejected = (fieldErrors: Record<string, string>, removedStaff: string[] = []) =>
    data({ fieldErrors, values: echoForm(formData), staff: { f: raw("facilitatorIds"), c: raw("coordinatorIds") }, removedStaff }, { status: 400 });
  if (!parsed.ok) return rejected(parsed.fieldErrors);
  const result = invariantFound(await updateAcademy(user.id, academy.id, parsed.data));
  if (!result.ok) return rejected(result.fieldErrors, result.removedStaff);
  return redirectWithFlash(`/academies/${academy.id}`, { message: "academy.saved" });
}

export default function EditAcademyPage() {
  const { academy, candidates } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const { register, errorFor, onSubmit } = useValidatedForm(AcademyUpdateSchema, {
    defaultValues: {
      name: academy.name,
      description: academy.description,
      preLearningStartDate: academy.preLearningStartsAt ? toTokyoDateInput(new Date(academy.preLearningStartsAt)) : "",
      ...actionData?.values,
    },
    serverErrors: actionData?.fieldErrors,
  });
  const staffIds = (role: string) => academy.enrollments.filter((s) => s.role === role).map((s) => s.user.id);
  return (
    <div className="flex flex-col gap-6">
      <p><Link to={`/academies/${academy.id}`}>{t("academy.backTo", { name: academy.name })}</Link></p>
      <h1>{t("academy.edit")}</h1>
      <Form method="post" noValidate onSubmit={onSubmit} className="flex max-w-2xl flex-col gap-5">
        <TextField label={t("academy.name")} required error={errorFor("name")} {...register("name")} />
        <TextareaField label={t("academy.description")} rows={3} error={errorFor("description")} {...register("description")} />
        <TextField label={t("academy.preLearningStart")} hint={t("academy.preLearningHint")} type="date" error={errorFor("preLearningStartDate")} {...register("preLearningStartDate")} />
        <StaffCheckboxes
          candidates={candidates}
          facilitatorIds={actionData?.staff.f ?? staffIds("facilitator")}
          coordinatorIds={actionData?.staff.c ?? staffIds("coordinator")}
          errorFor={errorFor}
        />
        {actionData?.removedStaff.length ? (
          <div role="alert" className="flex flex-col gap-2 rounded-8 border-2 border-warning-yellow-2 bg-yellow-50 p-4">
            <p className="font-bold">{t("academy.confirmStaffRemoval", { names: actionData.removedStaff.join(t("format.list")) })}</p>
            <label className="flex items-center gap-2">
              <input type="checkbox" name="confirmStaffRemoval" value="yes" className="size-5" />
              {t("academy.confirmStaffRemovalCheck")}
            </label>
          </div>
        ) : null}
        <div>
          <Button type="submit">{t("form.save")}</Button>
        </div>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "academy.edit");
