import { Link, useActionData, useLoaderData, type MetaFunction } from "@remix-run/react";
import { CaseSchema } from "~/modules/case/themes";
import { ActionForm } from "~/components/ui/action-form";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { requireAcademyContext } from "~/utils/academy-context.server";
import { findTeam } from "~/modules/deliverable/path.server";
import { caseReadiness, draftFromTeam, teamCase } from "~/modules/case/case.server";
import { CASE_THEMES, POPULATION_BANDS } from "~/modules/case/themes";
import { invariantFound } from "~/utils/http.server";
import { discard, readFieldsOrUpload } from "~/utils/upload.server";
import { CASE_FILE_MAX_BYTES } from "~/modules/case/files.server";
import { CASE_INTENTS } from "~/modules/case/intents.server";
import { answerIntent, refuse, runIntent } from "~/utils/intents.server";
import type { Refusal } from "~/utils/result";
import { FileInput } from "~/components/ui/file-input";
import { serverT } from "~/utils/i18n.server";
import { resolveLocale } from "~/utils/locale.server";
import { pageTitle } from "~/utils/meta";
import { TextField } from "~/components/ui/text-field";
import { SelectField, TextareaField } from "~/components/ui/field";
import { Button } from "~/components/ui/button";
import { Alert } from "~/components/ui/alert";
import { CaseBody } from "~/components/case/case-view";

// A team's proposal as a case for the library: the coordinator writes it (from the team's work),
// the team and the coordinator approve it, and only then is it public. Its members and the
// academy's staff read it here.

async function load(request: Request, params: Record<string, string | undefined>) {
  const context = await requireAcademyContext(request, params.academyId);
  const team = invariantFound(await findTeam(context, String(params.teamId ?? "")));
  return { context, team };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { context, team } = await load(request, params);
  const [existing, readiness] = await Promise.all([teamCase(team.id), caseReadiness(team.id)]);
  // the form only once the team's proposal is done (decision 0019)
  const canEdit = context.can.manageAcademy && readiness.ready;
  return {
    academy: context.academy,
    team: { id: team.id, name: team.name },
    existing,
    canEdit,
    notReady: context.can.manageAcademy && !readiness.ready,
    canApproveAsTeam: team.isMember && readiness.leadId === context.user.id,
    leadName: readiness.leadName,
    isMember: team.isMember,
    draft: canEdit && !existing ? await draftFromTeam(team.id, serverT(await resolveLocale(request, context.user))("format.list")) : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { context, team } = await load(request, params);
  const upload = await readFieldsOrUpload(request, CASE_FILE_MAX_BYTES);
  if (!upload.ok) return refuse({ form: "upload", reason: upload.error, fieldErrors: {}, params: upload.params });
  try {
    return await answerIntent(await runIntent(CASE_INTENTS, { context, team, file: upload.file }, upload.formData), `/academies/${context.academy.id}/teams/${team.id}/case`);
  } finally {
    // the file sent is copied into storage by the change, or not wanted
    await discard(upload.file);
  }
}

/** A refusal; a refused case may name numbers its message needs. */
type CaseRefusal = Refusal & { params?: Record<string, string | number> };

export default function TeamCase() {
  const { academy, team, existing, canEdit, notReady, canApproveAsTeam, leadName, isMember, draft } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const a = answer && !answer.ok ? (answer as CaseRefusal) : undefined;
  const { t } = useTranslation();
  const start: Record<string, string> = existing
    ? {
        title: existing.title,
        fiscalYear: String(existing.fiscalYear),
        themeCategory: existing.themeCategory,
        populationBand: existing.populationBand,
        municipalityCodes: existing.municipalities.map((m) => m.municipality.code).join(", "),
        problem: existing.problem,
        dataUsed: existing.dataUsed,
        method: existing.method,
        result: existing.result,
        outcome: existing.outcome,
        contactDepartment: existing.contactDepartment,
      }
    : { ...draft, themeCategory: "", populationBand: "", contactDepartment: "" };
  const v = { ...start, ...a?.values };
  const err = (n: string) => (a?.fieldErrors[n] ? t(a.fieldErrors[n]!, a.params) : undefined);
  const state = !existing ? "none" : existing.publishedAt ? "published" : "waiting";
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <p><Link to={`/academies/${academy.id}/teams/${team.id}`}>{t("academy.backTo", { name: team.name })}</Link></p>
      <h1>{t("case.teamTitle", { team: team.name })}</h1>
      <p>{t("case.teamIntro")}</p>
      {a ? <Alert tone="error">{t(Object.keys(a.fieldErrors).length > 0 ? "form.fixErrors" : a.reason, a.params)}</Alert> : null}
      {existing ? (
        <section aria-labelledby="status-heading" className="flex flex-col gap-2 rounded-8 border-2 border-solid-gray-800 p-4">
          <h2 id="status-heading">{t(`case.state.${state}`)}</h2>
          <p>{t("case.teamApproval")}: {existing.teamApprovedAt ? t("case.approvedMark") : t("case.notYet")} / {t("case.coordinatorApproval")}: {existing.coordinatorApprovedAt ? t("case.approvedMark") : t("case.notYet")}</p>
          {existing.publishedAt ? <p><Link to={`/cases/${existing.id}`}>{t("case.openPublic")}</Link></p> : null}
          {!existing.teamApprovedAt ? <p>{leadName ? t("case.consentBy", { name: leadName }) : t("case.error.noLead")}</p> : null}
          {isMember && !canApproveAsTeam && !existing.teamApprovedAt && leadName ? <p className="text-dns-14N-130">{t("case.consentTalk")}</p> : null}
          <div className="flex flex-wrap gap-3">
            {canApproveAsTeam && !existing.teamApprovedAt ? (
              <ActionForm><input type="hidden" name="intent" value="approveTeam" /><Button type="submit">{t("case.approveAsTeam")}</Button></ActionForm>
            ) : null}
            {canEdit && !existing.coordinatorApprovedAt ? (
              <ActionForm><input type="hidden" name="intent" value="approveCoordinator" /><Button type="submit">{t("case.approveAsCoordinator")}</Button></ActionForm>
            ) : null}
            {canEdit && (existing.teamApprovedAt || existing.coordinatorApprovedAt) ? (
              <ActionForm><input type="hidden" name="intent" value="withdraw" /><Button type="submit" variant="danger">{t("case.withdraw")}</Button></ActionForm>
            ) : null}
          </div>
          <CaseBody c={existing} />
          {canEdit ? (
            <div className="flex flex-col gap-3 border-t border-solid-gray-200 pt-3">
              <h3 className="text-std-18B-160">{t("case.field.slides")}</h3>
              {existing.files.length ? (
                <ul className="flex flex-col gap-2">
                  {existing.files.map((f) => (
                    <li key={f.id}>
                      <ActionForm className="flex flex-wrap items-center gap-3">
                        <span>{f.fileName}</span>
                        <input type="hidden" name="intent" value="removeFile" />
                        <input type="hidden" name="fileId" value={f.id} />
                        <Button type="submit" variant="secondary" aria-label={t("case.removeFileLabel", { name: f.fileName })}>{t("case.removeFile")}</Button>
                      </ActionForm>
                    </li>
                  ))}
                </ul>
              ) : null}
              <ActionForm encType="multipart/form-data" className="flex flex-wrap items-end gap-3">
                <input type="hidden" name="intent" value="upload" />
                <label className="flex flex-col gap-1">
                  <span className="text-std-16B-170">{t("case.addSlides")}</span>
                  <span className="text-dns-14N-130 text-solid-gray-700">{t("case.slidesHint")}</span>
                  <FileInput name="file" accept=".pdf,.pptx" />
                </label>
                <Button type="submit" variant="secondary">{t("case.upload")}</Button>
              </ActionForm>
            </div>
          ) : null}
        </section>
      ) : !canEdit ? (
        <p>{t("case.noneYet")}</p>
      ) : null}
      {notReady ? <Alert tone="info">{t("case.error.notReady")}</Alert> : null}
      {canEdit ? (
        <ActionForm schema={CaseSchema} className="flex flex-col gap-4" noValidate>
          <input type="hidden" name="intent" value="save" />
          <h2>{existing ? t("case.edit") : t("case.create")}</h2>
          {existing ? <p className="text-dns-14N-130">{t("case.editResets")}</p> : null}
          <TextField label={t("case.field.title")} name="title" required defaultValue={v.title ?? ""} error={err("title")} />
          <TextField label={t("academy.fiscalYear")} name="fiscalYear" inputMode="numeric" defaultValue={v.fiscalYear ?? ""} error={err("fiscalYear")} />
          <TextField label={t("case.field.governments")} name="municipalityCodes" hint={t("case.governmentsHint")} defaultValue={v.municipalityCodes ?? ""} error={err("municipalityCodes")} />
          <SelectField label={t("case.themeLabel")} name="themeCategory" defaultValue={v.themeCategory ?? ""} error={err("themeCategory")}>
            <option value="">{t("case.choose")}</option>
            {CASE_THEMES.map((c) => <option key={c} value={c}>{t(`case.theme.${c}`)}</option>)}
          </SelectField>
          <SelectField label={t("case.populationLabel")} name="populationBand" defaultValue={v.populationBand ?? ""} error={err("populationBand")}>
            <option value="">{t("case.choose")}</option>
            {POPULATION_BANDS.map((b) => <option key={b} value={b}>{t(`case.population.${b}`)}</option>)}
          </SelectField>
          {(["problem", "dataUsed", "method", "result", "outcome"] as const).map((f) => (
            <TextareaField key={f} label={t(`case.field.${f}`)} name={f} rows={4} defaultValue={v[f] ?? ""} error={err(f)} />
          ))}
          <TextField label={t("case.field.contactDepartment")} name="contactDepartment" hint={t("case.contactHint")} defaultValue={v.contactDepartment ?? ""} error={err("contactDepartment")} />
          <p className="text-dns-14N-130">{t("case.noPersonalData")}</p>
          <div><Button type="submit">{t("form.save")}</Button></div>
        </ActionForm>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "case.libraryTitle");
