import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAcademyContext } from "~/utils/academy-context.server";
import { findVisibleMaterial, recordAccess } from "~/modules/material/release.server";
import { handoutPdfOf } from "~/modules/material/handout.server";
import { bytesDownload } from "~/utils/download.server";
import { invariantFound, notFound, refusalAsPage } from "~/utils/http.server";
import { resolveLocale } from "~/utils/locale.server";
import { serverT } from "~/utils/i18n.server";

/** A text material as a PDF (the same Markdown as the page, Japanese font embedded); logged as a download. */
export const loader = refusalAsPage(load);

async function load({ request, params }: LoaderFunctionArgs) {
  const context = await requireAcademyContext(request, params.academyId);
  const versionId = new URL(request.url).searchParams.get("version");
  const found = invariantFound(await findVisibleMaterial(context, params.materialId ?? "", versionId));
  if (found.material.kind !== "markdown" || !found.version.body) notFound();
  const locale = await resolveLocale(request, context.user);
  const t = serverT(locale);
  const title = (locale === "en" && found.material.titleEn) || found.material.title;
  const subtitle = [context.academy.name, t("material.versionN", { n: found.version.number }) + (found.version.label ? ` (${found.version.label})` : "")].join(" · ");
  const bytes = await handoutPdfOf(found.version.id, { title, subtitle, body: found.version.body });
  await recordAccess(context.user.id, context.academy.id, found.version.id, "download");
  return bytesDownload(`${title}.pdf`, "application/pdf", bytes);
}
