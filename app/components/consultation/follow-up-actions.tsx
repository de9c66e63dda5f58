import { ActionForm } from "~/components/ui/action-form";
import { ActionSchema, ActionStatusSchema, FollowUpSchema } from "~/modules/consultation/schemas";
import { formMessage, type Refusal } from "~/utils/result";
import { useTranslation } from "~/utils/use-translation";
import { ACTION_STATUSES } from "~/modules/consultation/schemas";
import { formatDate, formatDateTime, fromTokyoInputs, toTokyoDateInput } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { TextField } from "~/components/ui/text-field";
import { SelectField, TextareaField } from "~/components/ui/field";
import { Button } from "~/components/ui/button";
import { ConfirmButton } from "~/components/ui/confirm-button";
import { Alert } from "~/components/ui/alert";

interface Props {
  consultation: {
    can: { manageActions: boolean; followUp: boolean };
    actions: { id: string; description: string; owner: string; dueOn: string; status: string; updatedAt: Date | string }[];
    followUps: { id: string; note: string; createdAt: Date | string; author: { displayName: string } | null }[];
  };
  actionData?: Refusal;
}

/** Follow-up actions (who does what by when, where it stands) and the notes of later checks. */
export function FollowUpActions({ consultation: c, actionData }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const today = toTokyoDateInput(new Date());
  const adding = actionData?.form === "addAction" ? actionData : undefined;
  const noting = actionData?.form === "followUp" ? actionData : undefined;
  const rowError = actionData && (actionData.form === "actionStatus" || actionData.form === "removeAction") ? actionData.reason : null;
  const err = (a: typeof adding, name: string) => (a?.fieldErrors[name] ? t(a.fieldErrors[name]!) : undefined);
  return (
    <>
      <section aria-labelledby="actions-heading" className="flex flex-col gap-3">
        <h2 id="actions-heading">{t("consultation.actionsHeading")}</h2>
        {rowError ? <Alert tone="error">{t(rowError)}</Alert> : null}
        {c.actions.length === 0 ? <p>{t("consultation.noActions")}</p> : (
          <ul className="flex flex-col gap-3">
            {c.actions.map((action) => {
              const overdue = (action.status === "open" || action.status === "in_progress") && action.dueOn < today;
              return (
                <li key={action.id} className="flex flex-col gap-2 rounded-8 border border-solid-gray-420 p-4">
                  <p className="font-bold">{action.description}</p>
                  <p>
                    {t("consultation.actionOwnerDue", { owner: action.owner, due: formatDate(fromTokyoInputs(action.dueOn, "12:00"), locale) })}
                    {overdue ? <span className="ml-2 font-bold text-error-2">{t("consultation.actionOverdue")}</span> : null}
                  </p>
                  <div className="flex flex-wrap items-end gap-3">
                    {c.can.followUp ? (
                      <ActionForm schema={ActionStatusSchema} className="flex flex-wrap items-end gap-3">
                        <input type="hidden" name="intent" value="actionStatus" />
                        <input type="hidden" name="actionId" value={action.id} />
                        <SelectField label={t("consultation.actionStatusLabel")} name="status" defaultValue={action.status}>
                          {ACTION_STATUSES.map((s) => <option key={s} value={s}>{t(`consultation.actionStatus.${s}`)}</option>)}
                        </SelectField>
                        <Button type="submit" variant="secondary">{t("consultation.actionStatusSave")}</Button>
                      </ActionForm>
                    ) : (
                      <p>{t(`consultation.actionStatus.${action.status}`)}</p>
                    )}
                    {c.can.manageActions ? (
                      <ActionForm>
                        <input type="hidden" name="intent" value="removeAction" />
                        <input type="hidden" name="actionId" value={action.id} />
                        <ConfirmButton type="submit" variant="secondary" confirm={t("consultation.removeActionConfirm")}>{t("consultation.removeAction")}</ConfirmButton>
                      </ActionForm>
                    ) : null}
                  </div>
                  <p className="text-dns-14N-130 text-solid-gray-700">{t("consultation.updatedOn", { date: formatDateTime(new Date(action.updatedAt), locale) })}</p>
                </li>
              );
            })}
          </ul>
        )}
        {c.can.manageActions ? (
          <ActionForm schema={ActionSchema} noValidate className="grid grid-cols-1 gap-4 rounded-8 border border-solid-gray-200 p-4 md:grid-cols-3">
            <input type="hidden" name="intent" value="addAction" />
            <h3 className="text-std-18B-160 md:col-span-3">{t("consultation.addAction")}</h3>
            {formMessage(adding) ? <div className="md:col-span-3"><Alert tone="error">{t(formMessage(adding)!)}</Alert></div> : null}
            <TextField label={t("consultation.actionDescription")} name="description" required defaultValue={adding?.values.description ?? ""} error={err(adding, "description")} />
            <TextField label={t("consultation.actionOwner")} name="owner" required hint={t("consultation.actionOwnerHint")} defaultValue={adding?.values.owner ?? ""} error={err(adding, "owner")} />
            <TextField label={t("consultation.actionDue")} name="dueOn" type="date" required defaultValue={adding?.values.dueOn ?? ""} error={err(adding, "dueOn")} />
            <div className="md:col-span-3"><Button type="submit">{t("consultation.addActionSubmit")}</Button></div>
          </ActionForm>
        ) : null}
      </section>

      <section aria-labelledby="followup-heading" className="flex flex-col gap-3">
        <h2 id="followup-heading">{t("consultation.followUpHeading")}</h2>
        <p>{t("consultation.followUpIntro")}</p>
        {c.followUps.length === 0 ? <p>{t("consultation.noFollowUps")}</p> : (
          <ol className="flex flex-col gap-3">
            {c.followUps.map((f) => (
              <li key={f.id} className="rounded-8 bg-solid-gray-50 p-4">
                <p className="text-dns-14N-130 text-solid-gray-700">{formatDateTime(new Date(f.createdAt), locale)} · {f.author?.displayName ?? t("consultation.formerUser")}</p>
                <p className="whitespace-pre-wrap">{f.note}</p>
              </li>
            ))}
          </ol>
        )}
        {c.can.followUp ? (
          <ActionForm schema={FollowUpSchema} noValidate className="flex flex-col gap-3">
            <input type="hidden" name="intent" value="followUp" />
            {formMessage(noting) ? <Alert tone="error">{t(formMessage(noting)!)}</Alert> : null}
            <TextareaField label={t("consultation.followUpNote")} name="note" rows={3} required hint={t("consultation.followUpHint")} defaultValue={noting?.values.note ?? ""} error={err(noting, "note")} />
            <div><Button type="submit" variant="secondary">{t("consultation.followUpSubmit")}</Button></div>
          </ActionForm>
        ) : null}
      </section>
    </>
  );
}
