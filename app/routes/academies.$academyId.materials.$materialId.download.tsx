import { Readable } from "node:stream";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAcademyContext } from "~/utils/academy-context.server";
import { findVisibleMaterial, recordAccess } from "~/modules/material/release.server";
import { openStoredFile, storedFileExists } from "~/modules/files/stored-file.server";
import { safeFileName } from "~/modules/files/file-type.server";
import { invariantFound, notFound } from "~/utils/http.server";

/** The file of a visible material version, streamed from storage; every download is logged. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requireAcademyContext(request, params.academyId);
  const { user, academy } = context;
  const versionId = new URL(request.url).searchParams.get("version");
  const found = invariantFound(await findVisibleMaterial(context, params.materialId ?? "", versionId));
  const { version } = found;
  const file = version.storedFile;
  if (found.material.kind === "link" || !file || !(await storedFileExists(file.storageKey))) notFound();
  await recordAccess(user.id, academy.id, version.id, "download");
  const name = safeFileName(version.fileName);
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/"/g, "");
  const body = Readable.toWeb(openStoredFile(file.storageKey)) as unknown as ReadableStream;
  return new Response(body, {
    headers: {
      "Content-Type": file.mimeType || "application/octet-stream",
      "Content-Length": String(file.size),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
