import { ActionForm } from "~/components/ui/action-form";
import { ScheduleSchema } from "~/modules/consultation/schemas";
import { formMessage, type Refusal } from "~/utils/result";
import { useState } from "react";
import { useTranslation } from "~/utils/use-translation";
import { MEETING_MODES } from "~/modules/consultation/schemas";
import type { ScheduleIssue } from "~/modules/schedule/rules";
import { toTokyoDateInput, toTokyoTimeInput } from "~/utils/dates";
import { TextField } from "~/components/ui/text-field";
import { CheckboxGroup, SelectField } from "~/components/ui/field";
import { Button } from "~/components/ui/button";
import { Alert } from "~/components/ui/alert";
import { AcknowledgeBox } from "~/components/ui/acknowledge-box";
import { ScheduleIssues } from "~/components/academy/schedule-issues";

interface Props {
  consultation: { status: string; startsAt: Date | string | null; endsAt: Date | string | null; mode: string | null; venueName: string; venueAddress: string; onlineUrl: string; experts: { expert: { id: string } }[] };
  experts: { id: string; name: string; affiliation: string; kind: string; inTopic: boolean }[];
  actionData?: Refusal & { issues?: ScheduleIssue[]; needsAcknowledgement?: boolean };
}

/** The coordinator sets or moves the meeting: experts (those of the topic first), time and place. */
export function ScheduleMeetingForm({ consultation: c, experts, actionData: a }: Props) {
  const { t } = useTranslation();
  const v = a?.values ?? {};
  const [mode, setMode] = useState(v.mode ?? c.mode ?? "online");
  const err = (name: string) => (a?.fieldErrors[name] ? t(a.fieldErrors[name]!) : undefined);
  const sorted = [...experts].sort((x, y) => Number(y.inTopic) - Number(x.inTopic));
  const label = (e: Props["experts"][number]) =>
    `${e.name}（${[t(`consultation.kind.${e.kind}`), e.affiliation].filter(Boolean).join(t("format.list"))}）${e.inTopic ? t("consultation.inTopic") : ""}`;
  return (
    <ActionForm schema={ScheduleSchema} noValidate className="flex flex-col gap-4 rounded-8 border-2 border-solid-gray-800 p-4">
      <input type="hidden" name="intent" value="schedule" />
      <h3 className="text-std-18B-160">{c.status === "scheduled" ? t("consultation.reschedule") : t("consultation.schedule")}</h3>
      {formMessage(a) ? <Alert tone="error">{t(formMessage(a)!)}</Alert> : null}
      {a?.issues?.length ? <ScheduleIssues issues={a.issues} /> : null}
      {sorted.length === 0 ? <p>{t("consultation.noExperts")}</p> : null}
      <CheckboxGroup
        legend={t("consultation.experts")}
        name="expertIds"
        hint={t("consultation.expertsHint")}
        options={sorted.map((e) => ({ value: e.id, label: label(e) }))}
        defaultChecked={a ? (a.lists.expertIds ?? []) : c.experts.map((e) => e.expert.id)}
        error={a?.fieldErrors.expertIds}
      />
      <div className="flex flex-wrap gap-4">
        <TextField label={t("session.date")} name="date" type="date" required defaultValue={v.date ?? (c.startsAt ? toTokyoDateInput(new Date(c.startsAt)) : "")} error={err("date")} />
        <TextField label={t("session.startTime")} name="startTime" type="time" required defaultValue={v.startTime ?? (c.startsAt ? toTokyoTimeInput(new Date(c.startsAt)) : "14:00")} error={err("startTime")} />
        <TextField label={t("session.endTime")} name="endTime" type="time" required defaultValue={v.endTime ?? (c.endsAt ? toTokyoTimeInput(new Date(c.endsAt)) : "15:30")} error={err("endTime")} />
      </div>
      <SelectField label={t("consultation.modeLabel")} name="mode" value={mode} onChange={(e) => setMode(e.currentTarget.value)} error={err("mode")}>
        {MEETING_MODES.map((m) => <option key={m} value={m}>{t(`consultation.mode.${m}`)}</option>)}
      </SelectField>
      {mode === "venue" ? (
        <>
          <TextField label={t("session.venueName")} name="venueName" required defaultValue={v.venueName ?? c.venueName} error={err("venueName")} />
          <TextField label={t("session.venueAddress")} name="venueAddress" defaultValue={v.venueAddress ?? c.venueAddress} error={err("venueAddress")} />
        </>
      ) : (
        <TextField label={t("session.onlineUrl")} name="onlineUrl" type="url" required hint={t("consultation.onlineUrlHint")} defaultValue={v.onlineUrl ?? c.onlineUrl} error={err("onlineUrl")} />
      )}
      {a?.needsAcknowledgement ? (
        <AcknowledgeBox alert name="acknowledgeWarnings" label={t("schedule.acknowledge")}>
          <p className="font-bold">{t("schedule.checkWarnings")}</p>
        </AcknowledgeBox>
      ) : null}
      <div><Button type="submit">{t("consultation.scheduleSubmit")}</Button></div>
    </ActionForm>
  );
}
