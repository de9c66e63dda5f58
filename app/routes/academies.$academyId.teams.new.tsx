import { Link, useActionData, useLoaderData, type MetaFunction } from "@remix-run/react";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { requireAcademyContext } from "~/utils/academy-context.server";
import { TeamSchema } from "~/modules/team/schemas";
import { createTeam, teamFacilitatorOptions } from "~/modules/team/team.server";
import { regionMunicipalities } from "~/modules/region/region.server";
import { echoForm, parseForm } from "~/utils/forms";
import { redirectWithFlash } from "~/utils/flash.server";
import { TeamForm } from "~/components/academy/team-form";
import { pageTitle } from "~/utils/meta";
import { readForm } from "~/utils/form-body.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { academy } = await requireAcademyContext(request, params.academyId, "manageTeams");
  const [municipalities, facilitators] = await Promise.all([regionMunicipalities(academy.regionId), teamFacilitatorOptions(academy.id)]);
  return { academy, municipalities, facilitators };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, academy } = await requireAcademyContext(request, params.academyId, "manageTeams");
  const formData = await readForm(request);
  const codes = formData.getAll("municipalityCodes").filter((v): v is string => typeof v === "string");
  const parsed = parseForm(TeamSchema, formData);
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: echoForm(formData), codes }, { status: 400 });
  const result = await createTeam(user.id, academy.id, parsed.data);
  if (!result.ok) return data({ fieldErrors: result.fieldErrors, values: echoForm(formData), codes }, { status: 400 });
  return redirectWithFlash(`/academies/${academy.id}/teams/${result.id}`, { message: "team.created" });
}

export default function NewTeamPage() {
  const { academy, municipalities, facilitators } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="flex flex-col gap-6">
      <p><Link to={`/academies/${academy.id}`}>{t("academy.backTo", { name: academy.name })}</Link></p>
      <h1>{t("team.add")}</h1>
      <TeamForm
        defaults={{ name: "", themeTitle: "", problemStatement: "", leadId: "", facilitatorId: "" }}
        facilitators={facilitators}
        municipalities={municipalities}
        selectedCodes={municipalities.length === 1 ? [municipalities[0]!.code] : []}
        actionData={actionData}
        submitLabel={t("team.create")}
      />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "team.add");
