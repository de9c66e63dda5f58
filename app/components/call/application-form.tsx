import { Form } from "@remix-run/react";
import { ErrorSummary } from "~/components/ui/error-summary";
import type { ReactNode } from "react";
import { useTranslation } from "~/utils/use-translation";
import { ApplicationSchema } from "~/modules/call/schemas";
import { useValidatedForm } from "~/utils/use-validated-form";
import { TextField } from "~/components/ui/text-field";
import { SelectField, TextareaField } from "~/components/ui/field";
import { Button } from "~/components/ui/button";
import { MunicipalityPicker } from "~/components/region/municipality-picker";

// The application form (応募様式): a draft saved as often as needed, then submitted. The same
// schema checks it in the browser and in the action; submitting also needs every field.

export interface ApplicationDefaults {
  trackId: string;
  contactName: string;
  contactDepartment: string;
  contactPhone: string;
  problem: string;
  dataHeld: string;
  dataDepartment: string;
  staffCount: string;
  consentPublication: boolean;
}

export function ApplicationForm({
  defaults,
  tracks,
  municipalities,
  actionData,
  editable,
  children,
}: {
  /** the call's own questions, inside the same form */
  children?: ReactNode;
  defaults: ApplicationDefaults;
  tracks: { id: string; label: string }[];
  municipalities: { code: string; name: string; prefecture: string }[];
  actionData?: { fieldErrors?: Record<string, string>; values?: Record<string, string>; params?: Record<string, string | number> };
  editable: boolean;
}) {
  const { t } = useTranslation();
  const values = actionData?.values;
  const defaultValues = {
    ...Object.fromEntries(Object.entries(defaults).map(([k, v]) => [k, typeof v === "boolean" ? (v ? "on" : "") : v])),
    ...values,
  } as Record<string, string>;
  const { form, register, errorFor, onSubmit, found } = useValidatedForm(ApplicationSchema, { defaultValues, serverErrors: actionData?.fieldErrors });
  const err = (name: string) => {
    const key = errorFor(name);
    return key ? t(key, actionData?.params) : undefined;
  };
  return (
    <Form method="post" className="flex flex-col gap-4" noValidate onSubmit={onSubmit}>
      <ErrorSummary fieldErrors={found ?? undefined} />
      <fieldset disabled={!editable} className="flex flex-col gap-4">
        <SelectField label={t("call.track")} error={err("trackId")} {...register("trackId")}>
          {tracks.map((tr) => <option key={tr.id} value={tr.id}>{tr.label}</option>)}
        </SelectField>
        <MunicipalityPicker
          defaultSelected={municipalities}
          defaultCodes={values?.municipalityCodes}
          error={errorFor("municipalityCodes")}
          errorParams={actionData?.params}
          onChange={(codes) => form.setValue("municipalityCodes", codes, { shouldValidate: form.formState.isSubmitted })}
        />
        <p className="text-dns-14N-130 text-solid-gray-700">{t("call.municipalitiesHint")}</p>
        <TextField label={t("call.contactName")} autoComplete="name" error={err("contactName")} {...register("contactName")} />
        <TextField label={t("call.contactDepartment")} hint={t("call.contactDepartmentHint")} error={err("contactDepartment")} {...register("contactDepartment")} />
        <TextField label={t("call.contactPhone")} type="tel" autoComplete="tel" error={err("contactPhone")} {...register("contactPhone")} />
        <TextareaField label={t("call.problem")} hint={t("call.problemHint")} rows={6} error={err("problem")} {...register("problem")} />
        <TextareaField label={t("call.dataHeld")} hint={t("call.dataHeldHint")} rows={5} error={err("dataHeld")} {...register("dataHeld")} />
        <TextField label={t("call.dataDepartment")} hint={t("call.dataDepartmentHint")} error={err("dataDepartment")} {...register("dataDepartment")} />
        <TextField label={t("call.staffCount")} inputMode="numeric" error={err("staffCount")} {...register("staffCount")} />
        <label className="flex items-start gap-2">
          <input type="checkbox" value="on" className="mt-1 size-6" defaultChecked={defaultValues.consentPublication === "on"} {...form.register("consentPublication")} />
          <span>{t("call.consentPublication")}</span>
        </label>
        {children}
      </fieldset>
      {editable ? (
        <div className="flex flex-wrap gap-3">
          <Button type="submit" name="intent" value="save" variant="secondary">{t("call.saveDraft")}</Button>
          <Button type="submit" name="intent" value="submit">{t("call.submit")}</Button>
        </div>
      ) : null}
    </Form>
  );
}
