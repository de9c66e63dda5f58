import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAcademyContext } from "~/utils/academy-context.server";
import { findTeam } from "~/modules/deliverable/path.server";
import { teamFile } from "~/modules/deliverable/files.server";
import { storedFileExists } from "~/modules/files/stored-file.server";
import { invariantFound, notFound, refusalAsPage } from "~/utils/http.server";
import { fileResponse } from "~/utils/download.server";

/** A file of the team's deliverables (any version): the team, its academy's staff and coordinators; others 404. */
export const loader = refusalAsPage(load);

async function load({ request, params }: LoaderFunctionArgs) {
  const context = await requireAcademyContext(request, params.academyId);
  const team = invariantFound(await findTeam(context, params.teamId ?? ""));
  const file = invariantFound(await teamFile(team.id, params.fileId ?? ""));
  if (!(await storedFileExists(file.storedFile.storageKey))) notFound();
  return fileResponse({ name: file.fileName, mimeType: file.storedFile.mimeType, size: file.storedFile.size, stream: file.open() });
}
