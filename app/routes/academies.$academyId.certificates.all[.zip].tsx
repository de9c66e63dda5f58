import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAcademyContext } from "~/utils/academy-context.server";
import { allCertificates } from "~/modules/certificate/download.server";
import { notFound, refusalAsPage } from "~/utils/http.server";
import { bytesDownload } from "~/utils/download.server";
import { resolveLocale } from "~/utils/locale.server";

// Every issued certificate of the academy as one zip of PDFs (staff who see completion).
export const loader = refusalAsPage(load);

async function load({ request, params }: LoaderFunctionArgs) {
  const context = await requireAcademyContext(request, params.academyId, "seeSurveyResults");
  const zip = await allCertificates(context, await resolveLocale(request, context.user));
  if (!zip) notFound();
  return bytesDownload(zip.name, "application/zip", new Uint8Array(zip.bytes));
}
