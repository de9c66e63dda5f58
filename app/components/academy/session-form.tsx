import { Form } from "@remix-run/react";
import { ErrorSummary } from "~/components/ui/error-summary";
import type { Refusal } from "~/utils/result";
import { useTranslation } from "~/utils/use-translation";
import { TextField } from "~/components/ui/text-field";
import { CheckboxGroup, SelectField, TextareaField } from "~/components/ui/field";
import { Button } from "~/components/ui/button";
import { Alert } from "~/components/ui/alert";
import { SessionSchema, SESSION_KINDS } from "~/modules/schedule/schemas";
import type { ScheduleIssue } from "~/modules/schedule/rules";
import { useValidatedForm } from "~/utils/use-validated-form";
import { AcknowledgeBox } from "~/components/ui/acknowledge-box";
import { ScheduleIssues } from "./schedule-issues";

/** A refused session form: the schedule's clashes, and whether warnings only wait to be acknowledged. */
export type SessionFormActionData = Refusal & { issues?: ScheduleIssue[]; needsAcknowledgement?: boolean };

interface Props {
  defaults: Record<string, string>;
  facilitatorIds: string[];
  facilitators: { id: string; displayName: string }[];
  actionData?: SessionFormActionData;
  submitLabel: string;
}

/**
 * Date, times, venue or online URL, facilitators and agenda of one session. Rule violations come
 * back from the server: errors must be fixed; warnings can be accepted with the checkbox.
 */
export function SessionForm({ defaults, facilitatorIds, facilitators, actionData, submitLabel }: Props) {
  const { t } = useTranslation();
  const { register, errorFor, onSubmit, found } = useValidatedForm(SessionSchema, {
    defaultValues: { ...defaults, ...actionData?.values },
    serverErrors: actionData?.fieldErrors,
  });
  const issues = actionData?.issues ?? [];
  const blocked = issues.some((i) => i.level === "error");
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="flex max-w-2xl flex-col gap-5">
      <ErrorSummary fieldErrors={found ?? undefined} />
      {issues.length > 0 ? (
        <Alert tone={blocked ? "error" : "warning"}>
          <p className="font-bold">{blocked ? t("schedule.blocked") : t("schedule.warned")}</p>
          <ScheduleIssues issues={issues} />
        </Alert>
      ) : null}
      <SelectField label={t("session.kindLabel")} error={errorFor("kind")} {...register("kind")}>
        {SESSION_KINDS.map((k) => (
          <option key={k} value={k}>{t(`session.kind.${k}`)}</option>
        ))}
      </SelectField>
      <TextField label={t("session.title")} error={errorFor("title")} {...register("title")} />
      <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
        <TextField label={t("session.date")} type="date" required error={errorFor("date")} {...register("date")} />
        <TextField label={t("session.startTime")} type="time" required error={errorFor("startTime")} {...register("startTime")} />
        <TextField label={t("session.endTime")} type="time" required error={errorFor("endTime")} {...register("endTime")} />
      </div>
      <TextField label={t("session.venueName")} error={errorFor("venueName")} {...register("venueName")} />
      <TextField label={t("session.venueAddress")} error={errorFor("venueAddress")} {...register("venueAddress")} />
      <TextField label={t("session.capacity")} type="number" min={1} error={errorFor("venueCapacity")} {...register("venueCapacity")} />
      <TextField label={t("session.onlineUrl")} type="url" hint={t("session.onlineUrlHint")} error={errorFor("onlineUrl")} {...register("onlineUrl")} />
      <CheckboxGroup
        legend={t("academy.facilitators")}
        name="facilitatorIds"
        options={facilitators.map((f) => ({ value: f.id, label: f.displayName }))}
        defaultChecked={actionData ? (actionData.lists.facilitatorIds ?? []) : facilitatorIds}
        hint={facilitators.length === 0 ? t("session.noFacilitators") : undefined}
        error={errorFor("facilitatorIds")}
      />
      <TextareaField label={t("session.agenda")} rows={5} error={errorFor("agenda")} {...register("agenda")} />
      <TextareaField label={t("session.homework")} hint={t("session.homeworkHint")} rows={3} error={errorFor("homework")} {...register("homework")} />
      {issues.length > 0 && actionData?.needsAcknowledgement ? (
        <AcknowledgeBox name="acknowledgeWarnings" label={t("schedule.acknowledge")}>
          <ScheduleIssues issues={issues} />
        </AcknowledgeBox>
      ) : issues.length > 0 ? (
        <div className="flex flex-col gap-2 rounded-8 bg-yellow-50 p-3">
          <ScheduleIssues issues={issues} />
        </div>
      ) : null}
      <div>
        <Button type="submit">{submitLabel}</Button>
      </div>
    </Form>
  );
}
