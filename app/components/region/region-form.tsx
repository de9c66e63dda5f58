import { Form } from "@remix-run/react";
import { ErrorSummary } from "~/components/ui/error-summary";
import { useTranslation } from "~/utils/use-translation";
import { TextField } from "~/components/ui/text-field";
import { TextareaField } from "~/components/ui/field";
import { Button } from "~/components/ui/button";
import { RegionSchema } from "~/modules/region/schemas";
import { useValidatedForm } from "~/utils/use-validated-form";
import { MunicipalityPicker } from "./municipality-picker";

interface Props {
  defaults: { name: string; kana: string; description: string };
  members: { code: string; name: string; prefecture: string }[];
  actionData?: { fieldErrors: Record<string, string>; values?: Record<string, string>; params?: Record<string, string | number> };
  submitLabel: string;
}

export function RegionForm({ defaults, members, actionData, submitLabel }: Props) {
  const { t } = useTranslation();
  const values = { ...defaults, municipalityCodes: members.map((m) => m.code).join(", "), ...actionData?.values };
  const { form, register, errorFor, onSubmit, found } = useValidatedForm(RegionSchema, {
    defaultValues: values,
    serverErrors: actionData?.fieldErrors,
  });
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="flex max-w-2xl flex-col gap-5">
      <ErrorSummary fieldErrors={found ?? undefined} />
      <input type="hidden" name="intent" value="save" />
      <TextField label={t("region.name")} required hint={t("region.nameHint")} error={errorFor("name")} {...register("name")} />
      <TextField label={t("region.kana")} error={errorFor("kana")} {...register("kana")} />
      <TextareaField label={t("region.description")} rows={3} error={errorFor("description")} {...register("description")} />
      <MunicipalityPicker
        defaultSelected={members}
        defaultCodes={actionData?.values?.municipalityCodes}
        error={errorFor("municipalityCodes")}
        errorParams={actionData?.params}
        onChange={(codes) => form.setValue("municipalityCodes", codes, { shouldValidate: form.formState.isSubmitted })}
      />
      <div>
        <Button type="submit">{submitLabel}</Button>
      </div>
    </Form>
  );
}
