import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiError, apiJson, withApiToken } from "~/utils/api.server";
import { openAcademy } from "~/modules/api/open-data.server";

// GET /api/v1/academies/:id — one academy with its sessions (README: JSON API)
export async function loader({ request, params }: LoaderFunctionArgs) {
  return withApiToken(request, async () => {
    const academy = await openAcademy(String(params.academyId ?? "").slice(0, 64));
    return academy ? apiJson({ data: academy }) : apiError(404, "not_found", "No academy has this id.");
  });
}
