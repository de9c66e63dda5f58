import { useTranslation } from "~/utils/use-translation";
import { TextField } from "~/components/ui/text-field";
import { SelectField, TextareaField } from "~/components/ui/field";
import { answerField, type CallQuestionView } from "~/modules/call/questions";

/**
 * The call's own questions inside the application form: plain inputs named `q.<id>` (they post
 * with the form, with or without JavaScript); the server checks them and answers in fieldErrors.
 * A file question is answered by attaching a file to it below.
 */
export function QuestionFields({
  questions,
  answers,
  files,
  values,
  errors,
}: {
  questions: CallQuestionView[];
  answers: Record<string, string>;
  files: { questionId: string | null; fileName: string }[];
  values?: Record<string, string>;
  errors?: Record<string, string>;
}) {
  const { t } = useTranslation();
  if (questions.length === 0) return null;
  return (
    <fieldset className="flex flex-col gap-4 border-t border-solid-gray-420 pt-4">
      <legend className="text-std-20B-150">{t("call.question.sectionTitle")}</legend>
      {questions.map((q) => {
        const name = answerField(q.id);
        const value = values?.[name] ?? answers[q.id] ?? "";
        const error = errors?.[name] ? t(errors[name]!) : undefined;
        const common = { label: q.label, name, required: q.required, hint: q.help || undefined, error, defaultValue: value };
        if (q.kind === "choice") {
          return (
            <SelectField key={q.id} {...common}>
              <option value="">{t("call.question.choose")}</option>
              {q.options.map((o) => <option key={o} value={o}>{o}</option>)}
            </SelectField>
          );
        }
        if (q.kind === "number") return <TextField key={q.id} {...common} inputMode="decimal" />;
        if (q.kind === "file") {
          const attached = files.filter((f) => f.questionId === q.id);
          return (
            <div key={q.id} className="flex flex-col gap-1" id={`${name}-group`}>
              <p className="text-std-16B-170">{q.label}{q.required ? ` ${t("call.question.requiredMark")}` : ""}</p>
              {q.help ? <p className="text-dns-14N-130 text-solid-gray-700">{q.help}</p> : null}
              <p>{attached.length ? attached.map((f) => f.fileName).join(t("format.list")) : t("call.question.noFileYet")}</p>
              {error ? <p className="text-dns-14N-130 font-bold text-error-2">{error}</p> : null}
            </div>
          );
        }
        return <TextareaField key={q.id} {...common} rows={4} />;
      })}
    </fieldset>
  );
}
