import { Link, useLoaderData, type MetaFunction } from "@remix-run/react";
import { NEW_TEAM_INTENTS } from "~/modules/team/intents.server";
import { answerIntent, runIntent } from "~/utils/intents.server";
import { useRefusal } from "~/utils/use-refusal";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { requireAcademyContext } from "~/utils/academy-context.server";
import { teamFacilitatorOptions } from "~/modules/team/team.server";
import { regionMunicipalities } from "~/modules/region/region.server";
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
  return answerIntent(await runIntent(NEW_TEAM_INTENTS, { actorId: user.id, academyId: academy.id }, await readForm(request)), `/academies/${academy.id}/teams/new`);
}

export default function NewTeamPage() {
  const { academy, municipalities, facilitators } = useLoaderData<typeof loader>();
  const refused = useRefusal();
  const actionData = refused ? { ...refused, codes: refused.lists.municipalityCodes ?? [] } : undefined;
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
