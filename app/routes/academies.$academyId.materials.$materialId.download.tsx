import { Readable } from "node:stream";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAcademyAccess } from "~/modules/academy/access.server";
import { findVisibleMaterial, recordAccess } from "~/modules/material/release.server";
import { existsStored, openStored } from "~/modules/material/storage.server";
import { safeFileName } from "~/modules/material/file-type.server";
import { invariantFound, notFound } from "~/utils/http.server";

/** The file of a visible material version, streamed from storage; every download is logged. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, academy } = await requireAcademyAccess(request, params.academyId);
  const versionId = new URL(request.url).searchParams.get("version");
  const found = invariantFound(await findVisibleMaterial(user, academy.id, params.materialId ?? "", versionId));
  const { version } = found;
  if (found.material.kind === "link" || !existsStored(version.contentHash)) notFound();
  await recordAccess(user.id, academy.id, version.id, "download");
  const name = safeFileName(version.fileName);
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/"/g, "");
  const body = Readable.toWeb(openStored(version.contentHash)) as unknown as ReadableStream;
  return new Response(body, {
    headers: {
      "Content-Type": version.mimeType || "application/octet-stream",
      "Content-Length": String(version.size),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
