import { Form, Link, useActionData, useLoaderData, type MetaFunction } from "@remix-run/react";
import { ErrorSummary } from "~/components/ui/error-summary";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { requireAcademyContext } from "~/utils/academy-context.server";
import { AcademyUpdateSchema, STAFF_ROLES, StaffInviteSchema } from "~/modules/academy/schemas";
import { ACADEMY_EDIT_INTENTS } from "~/modules/academy/edit-intents.server";
import { answerIntent, runIntent } from "~/utils/intents.server";
import { getAcademy, staffCandidates } from "~/modules/academy/academy.server";
import { resolveLocale } from "~/utils/locale.server";
import { SelectField } from "~/components/ui/field";
import { AcknowledgeBox } from "~/components/ui/acknowledge-box";
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
import type { Refusal } from "~/utils/result";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, academy } = await requireAcademyContext(request, params.academyId, "manageAcademy");
  const full = invariantFound(await getAcademy(user, academy.id));
  return { academy: full, candidates: await staffCandidates(), canSearchPool: userHasPermission(user, "read:facilitator_pool:any") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, academy } = await requireAcademyContext(request, params.academyId, "manageAcademy");
  const locale = await resolveLocale(request, user);
  return answerIntent(await runIntent(ACADEMY_EDIT_INTENTS, { actorId: user.id, academyId: academy.id, locale }, await readForm(request)), `/academies/${academy.id}/edit`);
}

export default function EditAcademyPage() {
  const { academy, candidates, canSearchPool } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  // a refusal of the academy's form may name staff whose removal must be confirmed
  const actionData = answer && !answer.ok ? (answer as Refusal & { removedStaff?: string[] }) : undefined;
  const { t } = useTranslation();
  const academyForm = actionData?.form === "save" ? actionData : undefined;
  const { register, errorFor, onSubmit, found } = useValidatedForm(AcademyUpdateSchema, {
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
        <ErrorSummary fieldErrors={found ?? undefined} />
        <TextField label={t("academy.name")} required error={errorFor("name")} {...register("name")} />
        <TextareaField label={t("academy.description")} rows={3} error={errorFor("description")} {...register("description")} />
        <TextField label={t("academy.preLearningStart")} hint={t("academy.preLearningHint")} type="date" error={errorFor("preLearningStartDate")} {...register("preLearningStartDate")} />
        <StaffCheckboxes
          candidates={candidates}
          facilitatorIds={academyForm ? (academyForm.lists.facilitatorIds ?? []) : staffIds("facilitator")}
          coordinatorIds={academyForm ? (academyForm.lists.coordinatorIds ?? []) : staffIds("coordinator")}
          errorFor={errorFor}
        />
        {academyForm?.removedStaff?.length ? (
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
        <AddStaffForm actionData={actionData?.form === "addStaff" ? actionData : undefined} />
      </section>
    </div>
  );
}

function AddStaffForm({ actionData }: { actionData?: { fieldErrors: Record<string, string>; values: Record<string, string> } }) {
  const { t } = useTranslation();
  const { register, errorFor, onSubmit, found } = useValidatedForm(StaffInviteSchema, {
    defaultValues: { displayName: "", email: "", role: "facilitator", ...actionData?.values },
    serverErrors: actionData?.fieldErrors,
  });
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="grid grid-cols-1 gap-4 md:grid-cols-3">
      <ErrorSummary fieldErrors={found ?? undefined} />
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
