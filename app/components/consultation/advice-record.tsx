import { ActionForm } from "~/components/ui/action-form";
import { RecordSchema } from "~/modules/consultation/schemas";
import { formMessage, type Refusal } from "~/utils/result";
import { useTranslation } from "~/utils/use-translation";
import { formatDateTime } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { TextareaField } from "~/components/ui/field";
import { Button } from "~/components/ui/button";
import { Alert } from "~/components/ui/alert";

interface Props {
  consultation: {
    status: string;
    issues: string;
    advice: string;
    recordedAt: Date | string | null;
    startsAt: Date | string | null;
    can: { record: boolean };
    roles: { coordinator: boolean; expert: boolean };
  };
  actionData?: Refusal;
}

/** The advice record (助言記録): the points discussed (論点) and the advice given (助言). */
export function AdviceRecord({ consultation: c, actionData: a }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const v = a?.values ?? {};
  const err = (name: string) =>
    a?.fieldErrors[name] ? t(a.fieldErrors[name]!) : undefined;
  const mayRecordLater =
    (c.roles.coordinator || c.roles.expert) &&
    c.status === "scheduled" &&
    !c.can.record;
  return (
    <section aria-labelledby="advice-heading" className="flex flex-col gap-3">
      <h2 id="advice-heading">{t("consultation.adviceHeading")}</h2>
      {c.recordedAt ? (
        <dl className="grid gap-x-6 gap-y-3 md:grid-cols-[max-content_1fr]">
          <dt className="font-bold">{t("consultation.issues")}</dt>
          <dd className="whitespace-pre-wrap">{c.issues}</dd>
          <dt className="font-bold">{t("consultation.advice")}</dt>
          <dd className="whitespace-pre-wrap">{c.advice}</dd>
          <dt className="font-bold">{t("consultation.recordedOn")}</dt>
          <dd>{formatDateTime(new Date(c.recordedAt), locale)}</dd>
        </dl>
      ) : (
        <p>
          {mayRecordLater
            ? t("consultation.recordAfterStart")
            : t("consultation.noRecordYet")}
        </p>
      )}
      {c.can.record ? (
        <details
          open={!c.recordedAt || Boolean(a)}
          className="rounded-8 border border-solid-gray-200 p-4"
        >
          <summary className="cursor-pointer text-std-18B-160">
            {c.recordedAt
              ? t("consultation.editRecord")
              : t("consultation.record")}
          </summary>
          <ActionForm schema={RecordSchema} noValidate className="mt-4 flex flex-col gap-4">
            <input type="hidden" name="intent" value="record" />
            {formMessage(a) ? <Alert tone="error">{t(formMessage(a)!)}</Alert> : null}
            <TextareaField
              label={t("consultation.issues")}
              name="issues"
              rows={4}
              required
              hint={t("consultation.issuesHint")}
              defaultValue={v.issues ?? c.issues}
              error={err("issues")}
            />
            <TextareaField
              label={t("consultation.advice")}
              name="advice"
              rows={6}
              required
              hint={t("consultation.adviceHint")}
              defaultValue={v.advice ?? c.advice}
              error={err("advice")}
            />
            <div>
              <Button type="submit">{t("consultation.recordSubmit")}</Button>
            </div>
          </ActionForm>
        </details>
      ) : null}
    </section>
  );
}
