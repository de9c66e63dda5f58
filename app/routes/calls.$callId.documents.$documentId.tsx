import type { LoaderFunctionArgs } from "@remix-run/node";
import { findCallDocument } from "~/modules/call/call.server";
import { userHasPermission } from "~/modules/account/permissions";
import { getSessionUser } from "~/utils/session.server";
import { notFound } from "~/utils/http.server";
import { fileResponse } from "~/utils/download.server";

// A document of a published call (募集要領, 応募様式), for anyone; of a draft call, for coordinators.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  const doc = await findCallDocument(String(params.callId ?? "").slice(0, 64), String(params.documentId ?? "").slice(0, 64), userHasPermission(user, "manage:call:any"));
  if (!doc) notFound();
  return fileResponse({ name: doc.name, mimeType: doc.mimeType, size: doc.size, stream: doc.open() });
}
