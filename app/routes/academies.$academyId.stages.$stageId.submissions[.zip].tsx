import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAcademyContext } from "~/utils/academy-context.server";
import { stageSubmissionsZip } from "~/modules/deliverable/stage-download.server";
import { forbidden, invariantFound, refusalAsPage } from "~/utils/http.server";
import { streamDownload } from "~/utils/download.server";
import { resolveLocale } from "~/utils/locale.server";
import { serverT } from "~/utils/i18n.server";

// Every team's latest submission of one stage in one zip: for those who review or manage the academy's teams.
export const loader = refusalAsPage(load);

async function load({ request, params }: LoaderFunctionArgs) {
  const context = await requireAcademyContext(request, params.academyId);
  if (!context.can.review && !context.can.manageTeams) forbidden();
  const zip = invariantFound(await stageSubmissionsZip(context, params.stageId ?? "", serverT(await resolveLocale(request, context.user))));
  return streamDownload(zip.name, "application/zip", zip.stream);
}
