import { useTranslation } from "~/utils/use-translation";
import { TextField } from "~/components/ui/text-field";
import { SelectField, TextareaField } from "~/components/ui/field";
import { AUDIENCES, MATERIAL_STAGES } from "~/modules/material/schemas";

/** Title, summary (both languages), stage and audience: shared by upload and edit forms. */
export function MaterialMetaFields({ values, errors }: { values: Record<string, string>; errors: Record<string, string | undefined> }) {
  const { t } = useTranslation();
  return (
    <>
      <TextField label={t("material.fields.title")} name="title" required defaultValue={values.title ?? ""} error={errors.title} />
      <TextField label={t("material.fields.titleEn")} name="titleEn" defaultValue={values.titleEn ?? ""} error={errors.titleEn} />
      <TextareaField label={t("material.fields.summary")} name="summary" rows={2} defaultValue={values.summary ?? ""} error={errors.summary} />
      <TextareaField label={t("material.fields.summaryEn")} name="summaryEn" rows={2} defaultValue={values.summaryEn ?? ""} error={errors.summaryEn} />
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <SelectField label={t("material.fields.stage")} name="stage" required defaultValue={values.stage ?? "session1"} error={errors.stage}>
          {MATERIAL_STAGES.map((s) => (
            <option key={s} value={s}>{t(`material.stage.${s}`)}</option>
          ))}
        </SelectField>
        <SelectField label={t("material.fields.audience")} name="audience" required defaultValue={values.audience ?? "participant"} error={errors.audience}>
          {AUDIENCES.map((a) => (
            <option key={a} value={a}>{t(`material.audience.${a}`)}</option>
          ))}
        </SelectField>
      </div>
    </>
  );
}
