import { Form, Link, useActionData, useLoaderData, type MetaFunction } from "@remix-run/react";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { requireAcademyContext } from "~/utils/academy-context.server";
import { AcademyUpdateSchema, STAFF_ROLES, StaffInviteSchema } from "~/modules/academy/schemas";
import { addStaffByEmail, getAcademy, staffCandidates, updateAcademy } from "~/modules/academy/academy.server";
import { sendInvitation } from "~/modules/account/invitation.server";
import { resolveLocale } from "~/utils/locale.server";
import { SelectField } from "~/components/ui/field";
import { AcknowledgeBox } from "~/components/ui/acknowledge-box";
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
import { userHasPermission } from "~/modules/account/permissions";
import { readForm } from "~/utils/form-body.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, academy } = await requireAcademyContext(request, params.academyId, "manageAcademy");
  const full = invariantFound(await getAcademy(user, academy.id));
  return { academy: full, candidates: await staffCandidates(), canSearchPool: userHasPermission(user, "read:facilitator_pool:any") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, academy } = await requireAcademyContext(request, params.academyId, "manageAcademy");
  const formData = await readForm(request);
  if (formData.get("intent") === "addStaff") {
    const parsed = parseForm(StaffInviteSchema, formData);
    if (!parsed.ok) return data({ form: "invite" as const, fieldErrors: parsed.fieldErrors, values: parsed.values, staff: null, removedStaff: [] }, { status: 400 });
    const result = await addStaffByEmail(user.id, academy.id, parsed.data);
    if (!result.ok) return data({ form: "invite" as const, fieldErrors: result.fieldErrors, values: echoForm(formData), staff: null, removedStaff: [] }, { status: 400 });
    const sent = await sendInvitation({ userId: result.userId, invitedById: user.id, academyId: academy.id, fallbackLocale: await resolveLocale(request, user) });
    return redirectWithFlash(`/academies/${academy.id}/edit`, { message: sent === "invited" ? "academy.staffInvited" : "academy.staffNotified", params: { name: parsed.data.displayName } });
  }
  const raw = (name: string) => formData.getAll(name).filter((v): v is string => typeof v === "string");
  const parsed = parseForm(AcademyUpdateSchema, formData);
  const rejected = (fieldErrors: Record<string, string>, removedStaff: string[] = []) =>
    data({ form: "academy" as const, fieldErrors, values: echoForm(formData), staff: { f: raw("facilitatorIds"), c: raw("coordinatorIds") }, removedStaff }, { status: 400 });
  if (!parsed.ok) return rejected(parsed.fieldErrors);
  const result = invariantFound(await updateAcademy(user.id, academy.id, parsed.data));
  if (!result.ok) return rejected(result.fieldErrors, result.removedStaff);
  return redirectWithFlash(`/academies/${academy.id}`, { message: "academy.saved" });
}

export default function EditAcademyPage() {
  const { academy, candidates, canSearchPool } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const academyForm = actionData?.form === "academy" ? actionData : undefined;
  const { register, errorFor, onSubmit } = useValidatedForm(AcademyUpdateSchema, {
    defaultValues: {
      name: academy.name,
      description: academy.description,
      preLearningStartDate: academy.preLearningStartsAt ? toTokyoDateInput(new Date(academy.preLearningStartsAt)) : "",
      ...academyForm?.values,
    },
    serverErrors: academyForm?.fieldErrors,
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
          facilitatorIds={academyForm?.staff?.f ?? staffIds("facilitator")}
          coordinatorIds={academyForm?.staff?.c ?? staffIds("coordinator")}
          errorFor={errorFor}
        />
        {academyForm?.removedStaff.length ? (
          <AcknowledgeBox alert name="confirmStaffRemoval" label={t("academy.confirmStaffRemovalCheck")}>
            <p className="font-bold">{t("academy.confirmStaffRemoval", { names: academyForm.removedStaff.join(t("format.list")) })}</p>
          </AcknowledgeBox>
        ) : null}
        <div>
          <Button type="submit">{t("form.save")}</Button>
        </div>
      </Form>
      <section aria-labelledby="add-staff-heading" className="flex max-w-2xl flex-col gap-3">
        <h2 id="add-staff-heading">{t("academy.addStaff")}</h2>
        <p>{t("academy.addStaffLead")}</p>
        {canSearchPool ? <p><Link to="/facilitators">{t("facilitator.poolFind")}</Link></p> : null}
        <AddStaffForm actionData={actionData?.form === "invite" ? actionData : undefined} />
      </section>
    </div>
  );
}

function AddStaffForm({ actionData }: { actionData?: { fieldErrors: Record<string, string>; values: Record<string, string> } }) {
  const { t } = useTranslation();
  const { register, errorFor, onSubmit } = useValidatedForm(StaffInviteSchema, {
    defaultValues: { displayName: "", email: "", role: "facilitator", ...actionData?.values },
    serverErrors: actionData?.fieldErrors,
  });
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="grid grid-cols-1 gap-4 md:grid-cols-3">
      <input type="hidden" name="intent" value="addStaff" />
      <TextField label={t("fields.displayName")} required error={errorFor("displayName")} {...register("displayName")} />
      <TextField label={t("fields.email")} type="email" required error={errorFor("email")} {...register("email")} />
      <SelectField label={t("academy.staffRole")} required error={errorFor("role")} {...register("role")}>
        {STAFF_ROLES.map((r) => (
          <option key={r} value={r}>{t(`enrollment.role.${r}`)}</option>
        ))}
      </SelectField>
      <div>
        <Button type="submit" variant="secondary">{t("academy.addStaffSubmit")}</Button>
      </div>
    </Form>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "academy.edit");
