import type { LoaderFunctionArgs } from "@remix-run/node";
import { findCaseFile } from "~/modules/case/files.server";
import { loadAcademyContext } from "~/modules/academy/context.server";
import { findTeam } from "~/modules/deliverable/path.server";
import { getSessionUser } from "~/utils/session.server";
import { notFound, refusalAsPage } from "~/utils/http.server";
import { fileResponse } from "~/utils/download.server";

// The slides of a case: for anyone once the case is published; before, for its team and the
// academy's staff (who review it before approving).
export const loader = refusalAsPage(load);

async function load({ request, params }: LoaderFunctionArgs) {
  const file = await findCaseFile(String(params.caseId ?? "").slice(0, 64), String(params.fileId ?? "").slice(0, 64));
  if (!file) notFound();
  if (!file.published) {
    const user = await getSessionUser(request);
    const context = user && file.team ? await loadAcademyContext(user, file.team.academyId) : null;
    if (!context || !file.team || !(await findTeam(context, file.team.id))) notFound();
  }
  return fileResponse({ name: file.name, mimeType: file.mimeType, size: file.size, stream: file.open() });
}
