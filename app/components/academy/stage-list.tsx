import { ActionForm } from "~/components/ui/action-form";
import { StageSchema } from "~/modules/stage/schemas";
import { useTranslation } from "~/utils/use-translation";
import { formatDate, toTokyoDateInput } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { DELIVERABLE_KINDS, stageLabelKey } from "~/modules/stage/stages";
import { TextField } from "~/components/ui/text-field";
import { SelectField } from "~/components/ui/field";
import { Button } from "~/components/ui/button";

export interface StageItem {
  id: string;
  key: string;
  title: string;
  dueAt: string | Date | null;
  deliverable: string;
  cutoffAt: string | Date | null;
  session: { id: string; sequence: number } | null;
}

interface SessionOption {
  id: string;
  sequence: number;
  kind: string;
}

type StageActionData = { stageId: string | null; fieldErrors: Record<string, string>; values: Record<string, string> };

/** The name of a stage: its own title, or the catalogue label of its key. */
export function useStageName() {
  const { t } = useTranslation();
  return (stage: { key: string; title: string }) => stage.title || t(stageLabelKey(stage.key));
}

/** The academy's path as an ordered list; coordinators tie stages to sessions and set due dates. */
export function StageList({
  stages,
  sessions,
  canManage,
  actionData,
}: {
  stages: StageItem[];
  sessions: SessionOption[];
  canManage: boolean;
  actionData?: StageActionData;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const name = useStageName();
  return (
    <section id="stages" aria-labelledby="stages-heading" className="flex flex-col gap-3">
      <h2 id="stages-heading">{t("stage.title")}</h2>
      <p className="text-dns-16N-130 text-solid-gray-700">{t("stage.lead")}</p>
      <ol className="flex flex-col gap-2">
        {stages.map((stage, i) => {
          const errors = actionData?.stageId === stage.id ? actionData : undefined;
          return (
            <li key={stage.id} className="flex flex-col gap-2 rounded-8 border border-solid-gray-200 p-3">
              <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
                <span className="text-std-16B-170">
                  {t("stage.numbered", { n: i + 1 })} {name(stage)}
                </span>
                <span className="text-dns-16N-130">
                  {stage.session ? t("stage.inSession", { n: stage.session.sequence }) : t("stage.noSession")}
                </span>
                <span className="text-dns-16N-130">
                  {stage.dueAt ? t("stage.dueOn", { date: formatDate(new Date(stage.dueAt), locale) }) : t("stage.dueDefault")}
                </span>
                <span className="text-dns-16N-130">{t(`stage.deliverable.${stage.deliverable}`)}</span>
                {stage.cutoffAt ? <span className="text-dns-16N-130">{t("stage.cutoffOn", { date: formatDate(new Date(stage.cutoffAt), locale) })}</span> : null}
              </div>
              {canManage ? (
                <details open={Boolean(errors)}>
                  <summary className="cursor-pointer text-dns-16B-130 text-blue-1000 underline">{t("stage.editNamed", { name: name(stage) })}</summary>
                  <ActionForm schema={StageSchema} className="mt-3 grid grid-cols-1 gap-3 md:grid-cols-3">
                    <input type="hidden" name="intent" value="saveStage" />
                    <input type="hidden" name="stageId" value={stage.id} />
                    <TextField
                      label={t("stage.customTitle")}
                      name="title"
                      defaultValue={errors?.values.title ?? stage.title}
                      placeholder={t(stageLabelKey(stage.key))}
                      error={errors?.fieldErrors.title ? t(errors.fieldErrors.title) : undefined}
                    />
                    <SelectField label={t("stage.session")} name="sessionId" defaultValue={errors?.values.sessionId ?? stage.session?.id ?? ""} error={errors?.fieldErrors.sessionId ? t(errors.fieldErrors.sessionId) : undefined}>
                      <option value="">{t("stage.noSession")}</option>
                      {sessions.map((s) => (
                        <option key={s.id} value={s.id}>
                          {t("session.numbered", { n: s.sequence })}
                          {s.kind !== "workshop" ? t("format.paren", { text: t(`session.kind.${s.kind}`) }) : ""}
                        </option>
                      ))}
                    </SelectField>
                    <TextField
                      label={t("stage.dueDate")}
                      hint={t("stage.dueHint")}
                      type="date"
                      name="dueDate"
                      defaultValue={errors?.values.dueDate ?? (stage.dueAt ? toTokyoDateInput(new Date(stage.dueAt)) : "")}
                      error={errors?.fieldErrors.dueDate ? t(errors.fieldErrors.dueDate) : undefined}
                    />
                    <SelectField label={t("stage.deliverableLabel")} name="deliverable" defaultValue={errors?.values.deliverable ?? stage.deliverable}>
                      {DELIVERABLE_KINDS.map((k) => (
                        <option key={k} value={k}>{t(`stage.deliverable.${k}`)}</option>
                      ))}
                    </SelectField>
                    <TextField
                      label={t("stage.cutoffDate")}
                      hint={t("stage.cutoffHint")}
                      type="date"
                      name="cutoffDate"
                      defaultValue={errors?.values.cutoffDate ?? (stage.cutoffAt ? toTokyoDateInput(new Date(stage.cutoffAt)) : "")}
                      error={errors?.fieldErrors.cutoffDate ? t(errors.fieldErrors.cutoffDate) : undefined}
                    />
                    <div>
                      <Button type="submit" size="sm" variant="secondary">{t("form.save")}</Button>
                    </div>
                  </ActionForm>
                </details>
              ) : null}
            </li>
          );
        })}
      </ol>
      {canManage ? (
        <details open={actionData?.stageId === ""}>
          <summary className="cursor-pointer text-dns-16B-130 text-blue-1000 underline">{t("stage.add")}</summary>
          <ActionForm schema={StageSchema} className="mt-3 grid grid-cols-1 gap-3 md:grid-cols-3">
            <input type="hidden" name="intent" value="addStage" />
            <input type="hidden" name="stageId" value="" />
            <TextField
              label={t("stage.newTitle")}
              name="title"
              required
              defaultValue={actionData?.stageId === "" ? actionData.values.title : ""}
              error={actionData?.stageId === "" && actionData.fieldErrors.title ? t(actionData.fieldErrors.title) : undefined}
            />
            <SelectField label={t("stage.session")} name="sessionId" defaultValue="">
              <option value="">{t("stage.noSession")}</option>
              {sessions.map((s) => (
                <option key={s.id} value={s.id}>{t("session.numbered", { n: s.sequence })}</option>
              ))}
            </SelectField>
            <TextField label={t("stage.dueDate")} type="date" name="dueDate" defaultValue="" />
            <SelectField label={t("stage.deliverableLabel")} name="deliverable" defaultValue="both">
              {DELIVERABLE_KINDS.map((k) => (
                <option key={k} value={k}>{t(`stage.deliverable.${k}`)}</option>
              ))}
            </SelectField>
            <TextField label={t("stage.cutoffDate")} type="date" name="cutoffDate" defaultValue="" />
            <div>
              <Button type="submit" size="sm" variant="secondary">{t("stage.addSubmit")}</Button>
            </div>
          </ActionForm>
        </details>
      ) : null}
    </section>
  );
}
