import { Form } from "@remix-run/react";
import { ErrorSummary } from "~/components/ui/error-summary";
import { useTranslation } from "~/utils/use-translation";
import { CONSULTATION, PERSONAL_INFO, PROCESSING, WorksheetSchema } from "~/modules/dataset/schemas";
import { useValidatedForm } from "~/utils/use-validated-form";
import { TextField } from "~/components/ui/text-field";
import { SelectField, TextareaField } from "~/components/ui/field";
import { Button } from "~/components/ui/button";

/** データ活用検討ワークシート: one dataset, its personal information and how it may be used. */
export function WorksheetForm({ defaults, serverErrors, submitLabel }: { defaults: Record<string, string>; serverErrors?: Record<string, string>; submitLabel: string }) {
  const { t } = useTranslation();
  const { register, errorFor, onSubmit, form, found } = useValidatedForm(WorksheetSchema, { defaultValues: defaults, serverErrors });
  const within = form.watch("withinPurpose") ?? defaults.withinPurpose;
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="grid max-w-4xl grid-cols-1 gap-5 md:grid-cols-2">
      <ErrorSummary fieldErrors={found ?? undefined} />
      <input type="hidden" name="intent" value="save" />
      <TextField label={t("worksheet.name")} hint={t("worksheet.nameHint")} required error={errorFor("name")} {...register("name")} />
      <TextField label={t("worksheet.department")} error={errorFor("department")} {...register("department")} />
      <SelectField label={t("worksheet.personalInfoLabel")} hint={t("worksheet.personalInfoHint")} required error={errorFor("personalInfo")} {...register("personalInfo")}>
        {PERSONAL_INFO.map((v) => (
          <option key={v} value={v}>{t(`worksheet.personalInfo.${v}`)}</option>
        ))}
      </SelectField>
      <SelectField label={t("worksheet.processingLabel")} hint={t("worksheet.processingHint")} required error={errorFor("processing")} {...register("processing")}>
        {PROCESSING.map((v) => (
          <option key={v} value={v}>{t(`worksheet.processing.${v}`)}</option>
        ))}
      </SelectField>
      <div className="md:col-span-2">
        <TextareaField label={t("worksheet.purpose")} hint={t("worksheet.purposeHint")} rows={3} error={errorFor("purpose")} {...register("purpose")} />
      </div>
      <SelectField label={t("worksheet.withinPurposeLabel")} required error={errorFor("withinPurpose")} {...register("withinPurpose")}>
        <option value="yes">{t("worksheet.withinPurpose.yes")}</option>
        <option value="no">{t("worksheet.withinPurpose.no")}</option>
      </SelectField>
      <div className={within === "no" ? "" : "opacity-90"}>
        <TextareaField label={t("worksheet.legalBasis")} hint={t("worksheet.legalBasisHint")} rows={2} required={within === "no"} error={errorFor("legalBasis")} {...register("legalBasis")} />
      </div>
      <SelectField label={t("worksheet.consultationLabel")} hint={t("worksheet.consultationHint")} required error={errorFor("consultationStatus")} {...register("consultationStatus")}>
        {CONSULTATION.map((v) => (
          <option key={v} value={v}>{t(`worksheet.consultation.${v}`)}</option>
        ))}
      </SelectField>
      <TextField type="date" label={t("worksheet.consultationDate")} error={errorFor("consultationDate")} {...register("consultationDate")} />
      <div className="md:col-span-2">
        <TextareaField label={t("worksheet.consultationNotes")} rows={3} error={errorFor("consultationNotes")} {...register("consultationNotes")} />
      </div>
      <TextField label={t("worksheet.retention")} hint={t("worksheet.retentionHint")} error={errorFor("retention")} {...register("retention")} />
      <div className="md:col-span-2">
        <Button type="submit">{submitLabel}</Button>
      </div>
    </Form>
  );
}
