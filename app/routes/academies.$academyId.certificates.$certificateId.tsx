import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAcademyContext } from "~/utils/academy-context.server";
import { oneCertificate } from "~/modules/certificate/download.server";
import { notFound, refusalAsPage } from "~/utils/http.server";
import { bytesDownload } from "~/utils/download.server";

// One completion certificate as a PDF: for its holder and the academy's staff (anyone else: 404).
export const loader = refusalAsPage(load);

async function load({ request, params }: LoaderFunctionArgs) {
  const context = await requireAcademyContext(request, params.academyId);
  const pdf = await oneCertificate(context, String(params.certificateId ?? "").slice(0, 64));
  if (!pdf) notFound();
  return bytesDownload(pdf.name, "application/pdf", new Uint8Array(pdf.bytes));
}
