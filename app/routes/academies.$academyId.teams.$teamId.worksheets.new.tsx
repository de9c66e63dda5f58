import { Link, useLoaderData, type MetaFunction } from "@remix-run/react";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { requireAcademyContext } from "~/utils/academy-context.server";
import { findTeam } from "~/modules/deliverable/path.server";
import { dataStageLink, worksheetDefaults } from "~/modules/dataset/dataset.server";
import { NEW_WORKSHEET_INTENTS } from "~/modules/dataset/intents.server";
import { answerIntent, runIntent } from "~/utils/intents.server";
import { useRefusal } from "~/utils/use-refusal";
import { forbidden, invariantFound } from "~/utils/http.server";
import { readForm } from "~/utils/form-body.server";
import { pageTitle } from "~/utils/meta";
import { WorksheetForm } from "~/components/team/worksheet-form";

async function load(request: Request, params: LoaderFunctionArgs["params"]) {
  const context = await requireAcademyContext(request, params.academyId);
  const team = invariantFound(await findTeam(context, params.teamId ?? ""));
  if (!team.isMember) forbidden();
  return { context, team, back: await dataStageLink(team) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team, back } = await load(request, params);
  return { team: { id: team.id, name: team.name }, back, defaults: worksheetDefaults() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { context, team, back } = await load(request, params);
  return answerIntent(await runIntent(NEW_WORKSHEET_INTENTS, { actorId: context.user.id, team, worksheetId: null, back }, await readForm(request)), back);
}

export default function NewWorksheet() {
  const { team, back, defaults } = useLoaderData<typeof loader>();
  const actionData = useRefusal();
  const { t } = useTranslation();
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link to={back}>{t("path.backToTeam", { name: team.name })}</Link>
      </p>
      <h1>{t("worksheet.newTitle")}</h1>
      <p className="max-w-3xl">{t("worksheet.intro")}</p>
      <WorksheetForm defaults={{ ...defaults, ...actionData?.values }} serverErrors={actionData?.fieldErrors} submitLabel={t("worksheet.create")} />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "worksheet.newTitle");
