import { useTranslation } from "~/utils/use-translation";
import { EXPERT_KINDS } from "~/modules/consultation/schemas";
import { topicLabel } from "~/modules/consultation/topics";
import { useLocale } from "~/utils/use-locale";
import { TextField } from "~/components/ui/text-field";
import { CheckboxGroup, SelectField, TextareaField } from "~/components/ui/field";

/** The fields of an expert, shared by the add and edit forms. */
export function ExpertFields({
  values,
  topicIds,
  topics,
  fieldErrors,
  withEmail,
}: {
  values: Record<string, string>;
  topicIds: string[];
  topics: { id: string; label: string; labelEn: string }[];
  fieldErrors: Record<string, string>;
  withEmail: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const err = (name: string) => (fieldErrors[name] ? t(fieldErrors[name]!) : undefined);
  return (
    <>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <TextField label={t("fields.displayName")} name="displayName" required defaultValue={values.displayName ?? ""} error={err("displayName")} />
        {withEmail ? <TextField label={t("fields.email")} name="email" type="email" required defaultValue={values.email ?? ""} error={err("email")} /> : null}
        <SelectField label={t("consultation.expertKind")} name="kind" required defaultValue={values.kind ?? "analyst"} error={err("kind")}>
          {EXPERT_KINDS.map((k) => <option key={k} value={k}>{t(`consultation.kind.${k}`)}</option>)}
        </SelectField>
        <TextField label={t("consultation.affiliation")} name="affiliation" defaultValue={values.affiliation ?? ""} error={err("affiliation")} />
      </div>
      <TextareaField label={t("consultation.expertFields")} name="fields" rows={2} hint={t("consultation.expertFieldsHint")} defaultValue={values.fields ?? ""} error={err("fields")} />
      <CheckboxGroup
        legend={t("consultation.expertTopics")}
        name="topicIds"
        options={topics.map((tp) => ({ value: tp.id, label: topicLabel(tp, locale) }))}
        defaultChecked={topicIds}
        error={fieldErrors.topicIds}
      />
    </>
  );
}
