import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAcademyContext } from "~/utils/academy-context.server";
import { findVisibleMaterial, recordAccess } from "~/modules/material/release.server";
import { openStoredFile, storedFileExists } from "~/modules/files/stored-file.server";
import { fileResponse } from "~/utils/download.server";
import { invariantFound, notFound, refusalAsPage } from "~/utils/http.server";

/** The file of a visible material version, streamed from storage; every download is logged. */
export const loader = refusalAsPage(load);

async function load({ request, params }: LoaderFunctionArgs) {
  const context = await requireAcademyContext(request, params.academyId);
  const { user, academy } = context;
  const versionId = new URL(request.url).searchParams.get("version");
  const found = invariantFound(await findVisibleMaterial(context, params.materialId ?? "", versionId));
  const { version } = found;
  const file = version.storedFile;
  if (found.material.kind === "link" || !file || !(await storedFileExists(file.storageKey))) notFound();
  await recordAccess(user.id, academy.id, version.id, "download");
  return fileResponse({ name: version.fileName, mimeType: file.mimeType, size: file.size, stream: openStoredFile(file.storageKey) });
}
