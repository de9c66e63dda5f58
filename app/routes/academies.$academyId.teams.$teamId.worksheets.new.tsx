import { Link, useActionData, useLoaderData, type MetaFunction } from "@remix-run/react";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { requireAcademyContext } from "~/utils/academy-context.server";
import { findTeam } from "~/modules/deliverable/path.server";
import { dataStageLink, saveWorksheet, worksheetDefaults } from "~/modules/dataset/dataset.server";
import { WorksheetSchema } from "~/modules/dataset/schemas";
import { parseForm } from "~/utils/forms";
import { forbidden, invariantFound } from "~/utils/http.server";
import { readForm } from "~/utils/form-body.server";
import { redirectWithFlash } from "~/utils/flash.server";
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
  const parsed = parseForm(WorksheetSchema, await readForm(request));
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
  await saveWorksheet(context.user.id, team.id, null, parsed.data);
  return redirectWithFlash(back, { message: "worksheet.flash.created", params: { name: parsed.data.name } });
}

export default function NewWorksheet() {
  const { team, back, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
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
