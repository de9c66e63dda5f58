import { Link, useLoaderData, type MetaFunction } from "@remix-run/react";
import { ActionForm } from "~/components/ui/action-form";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { requireAcademyContext } from "~/utils/academy-context.server";
import { findTeam } from "~/modules/deliverable/path.server";
import { dataStageLink, findWorksheet, worksheetDefaults } from "~/modules/dataset/dataset.server";
import { WORKSHEET_INTENTS } from "~/modules/dataset/intents.server";
import { answerIntent, runIntent } from "~/utils/intents.server";
import { useRefusal } from "~/utils/use-refusal";
import { invariantFound } from "~/utils/http.server";
import { readForm } from "~/utils/form-body.server";
import { pageTitle } from "~/utils/meta";
import { WorksheetForm } from "~/components/team/worksheet-form";
import { ConfirmButton } from "~/components/ui/confirm-button";

async function load(request: Request, params: LoaderFunctionArgs["params"]) {
  const context = await requireAcademyContext(request, params.academyId);
  const team = invariantFound(await findTeam(context, params.teamId ?? ""));
  const worksheet = invariantFound(await findWorksheet(team.id, params.worksheetId ?? ""));
  return { context, team, worksheet, back: await dataStageLink(team) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team, worksheet, back } = await load(request, params);
  return { team: { id: team.id, name: team.name }, canEdit: team.isMember, back, worksheet, defaults: worksheetDefaults(worksheet) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { context, team, worksheet, back } = await load(request, params);
  return answerIntent(await runIntent(WORKSHEET_INTENTS, { actorId: context.user.id, team, worksheetId: worksheet.id, back }, await readForm(request)), back);
}

export default function WorksheetPage() {
  const { team, canEdit, back, worksheet, defaults } = useLoaderData<typeof loader>();
  const actionData = useRefusal();
  const { t } = useTranslation();
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link to={back}>{t("path.backToTeam", { name: team.name })}</Link>
      </p>
      <h1>{t("worksheet.title", { name: worksheet.name })}</h1>
      {canEdit ? (
        <>
          <WorksheetForm defaults={{ ...defaults, ...actionData?.values }} serverErrors={actionData?.fieldErrors} submitLabel={t("form.save")} />
          <ActionForm>
            <input type="hidden" name="intent" value="delete" />
            <ConfirmButton variant="danger" size="sm" confirm={t("worksheet.confirmDelete", { name: worksheet.name })}>
              {t("worksheet.delete")}
            </ConfirmButton>
          </ActionForm>
        </>
      ) : (
        <dl className="grid max-w-4xl grid-cols-1 gap-3 md:grid-cols-[14rem_1fr]">
          <dt className="text-std-16B-170">{t("worksheet.department")}</dt>
          <dd>{worksheet.department || "—"}</dd>
          <dt className="text-std-16B-170">{t("worksheet.personalInfoLabel")}</dt>
          <dd>{t(`worksheet.personalInfo.${worksheet.personalInfo}`)}</dd>
          <dt className="text-std-16B-170">{t("worksheet.processingLabel")}</dt>
          <dd>{t(`worksheet.processing.${worksheet.processing}`)}</dd>
          <dt className="text-std-16B-170">{t("worksheet.purpose")}</dt>
          <dd className="whitespace-pre-wrap">{worksheet.purpose || "—"}</dd>
          <dt className="text-std-16B-170">{t("worksheet.withinPurposeLabel")}</dt>
          <dd>{t(`worksheet.withinPurpose.${worksheet.withinPurpose ? "yes" : "no"}`)}</dd>
          <dt className="text-std-16B-170">{t("worksheet.legalBasis")}</dt>
          <dd className="whitespace-pre-wrap">{worksheet.legalBasis || "—"}</dd>
          <dt className="text-std-16B-170">{t("worksheet.consultationLabel")}</dt>
          <dd>
            {t(`worksheet.consultation.${worksheet.consultationStatus}`)} {defaults.consultationDate}
          </dd>
          <dt className="text-std-16B-170">{t("worksheet.consultationNotes")}</dt>
          <dd className="whitespace-pre-wrap">{worksheet.consultationNotes || "—"}</dd>
          <dt className="text-std-16B-170">{t("worksheet.retention")}</dt>
          <dd>{worksheet.retention || "—"}</dd>
        </dl>
      )}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, "worksheet.title", { name: data?.worksheet.name ?? "" });
