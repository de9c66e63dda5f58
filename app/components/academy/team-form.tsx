import { Form } from "@remix-run/react";
import { ErrorSummary } from "~/components/ui/error-summary";
import { useTranslation } from "~/utils/use-translation";
import { TextField } from "~/components/ui/text-field";
import { CheckboxGroup, SelectField, TextareaField } from "~/components/ui/field";
import { Button } from "~/components/ui/button";
import { TeamSchema } from "~/modules/team/schemas";
import { useValidatedForm } from "~/utils/use-validated-form";

interface Props {
  defaults: { name: string; themeTitle: string; problemStatement: string; leadId: string; facilitatorId: string };
  municipalities: { code: string; name: string }[];
  selectedCodes: string[];
  members?: { userId: string; displayName: string }[];
  /** the academy's facilitators, one of whom reviews the team's deliverables */
  facilitators: { userId: string; displayName: string }[];
  actionData?: { fieldErrors: Record<string, string>; values: Record<string, string>; codes: string[] };
  submitLabel: string;
}

export function TeamForm({ defaults, municipalities, selectedCodes, members, facilitators, actionData, submitLabel }: Props) {
  const { t } = useTranslation();
  const { register, errorFor, onSubmit, found } = useValidatedForm(TeamSchema, {
    defaultValues: { ...defaults, ...actionData?.values, municipalityCodes: actionData?.codes ?? selectedCodes } as never,
    serverErrors: actionData?.fieldErrors,
  });
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="flex max-w-2xl flex-col gap-5">
      <ErrorSummary fieldErrors={found ?? undefined} />
      <input type="hidden" name="intent" value="saveTeam" />
      <TextField label={t("team.name")} required error={errorFor("name")} {...register("name")} />
      <TextField label={t("team.themeTitle")} required hint={t("team.themeHint")} error={errorFor("themeTitle")} {...register("themeTitle")} />
      <TextareaField label={t("team.problemStatement")} rows={4} error={errorFor("problemStatement")} {...register("problemStatement")} />
      <CheckboxGroup
        legend={t("team.municipalities")}
        hint={t("team.municipalitiesHint")}
        name="municipalityCodes"
        options={municipalities.map((m) => ({ value: m.code, label: m.name }))}
        defaultChecked={actionData?.codes ?? selectedCodes}
        error={errorFor("municipalityCodes")}
        register={register as (name: string) => object}
      />
      {members ? (
        <SelectField label={t("team.lead")} error={errorFor("leadId")} {...register("leadId")}>
          <option value="">{t("team.noLead")}</option>
          {members.map((m) => (
            <option key={m.userId} value={m.userId}>{m.displayName}</option>
          ))}
        </SelectField>
      ) : null}
      <SelectField label={t("team.facilitator")} hint={t("team.facilitatorHint")} error={errorFor("facilitatorId")} {...register("facilitatorId")}>
        <option value="">{t("team.anyFacilitator")}</option>
        {facilitators.map((f) => (
          <option key={f.userId} value={f.userId}>{f.displayName}</option>
        ))}
      </SelectField>
      <div>
        <Button type="submit">{submitLabel}</Button>
      </div>
    </Form>
  );
}
